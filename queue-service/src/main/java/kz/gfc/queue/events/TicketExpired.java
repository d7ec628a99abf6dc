package kz.gfc.queue.events;

import java.time.Instant;
import java.time.LocalDate;

import kz.gfc.kit.events.DomainEvent;
import kz.gfc.queue.domain.ticket.Ticket;

/** A ticket still open when its service day ended; closes its lifecycle for analysts (R27). */
public record TicketExpired(String ticketId, String branchCode, String categoryCode, String number,
        String previousStatus, LocalDate serviceDay, Instant at) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.expired.v1";

    public static TicketExpired of(Ticket t, String previousStatus) {
        return new TicketExpired(t.id.toString(), t.branchCode, t.categoryCode, t.number, previousStatus, t.serviceDay,
                t.expiredAt);
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
