package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;
import kz.gfc.queue.domain.ticket.Ticket;

/** The owner gave up a waiting ticket; analysts need it to tell abandonment from no-shows. */
public record TicketCancelled(String ticketId, String branchCode, String categoryCode, String number,
        Instant at) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.cancelled.v1";

    public static TicketCancelled of(Ticket t) {
        return new TicketCancelled(t.id.toString(), t.branchCode, t.categoryCode, t.number, t.cancelledAt);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return ticketId;
    }
}
