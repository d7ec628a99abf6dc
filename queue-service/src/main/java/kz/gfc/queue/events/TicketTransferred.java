package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;
import kz.gfc.queue.domain.ticket.Ticket;

/** A ticket was sent on to another category or window, keeping its place in line. */
public record TicketTransferred(String ticketId, String branchCode, String number, String fromCategory,
        String toCategory, Long fromWindowId, Long toWindowId, String returnToCategory, String operatorId,
        Instant at) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.transferred.v1";

    /** After the move: the ticket's category, target window and return category are the new ones. */
    public static TicketTransferred of(Ticket t, String fromCategory, Long fromWindowId, String by, Instant at) {
        return new TicketTransferred(t.id.toString(), t.branchCode, t.number, fromCategory, t.categoryCode, fromWindowId,
                t.targetWindowId, t.returnCategory, by, at);
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
