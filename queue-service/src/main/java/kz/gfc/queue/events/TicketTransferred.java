package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;

/** A ticket was sent on to another category or window, keeping its place in line. */
public record TicketTransferred(String ticketId, String branchCode, String number, String fromCategory,
        String toCategory, Long fromWindowId, Long toWindowId, String returnToCategory, String operatorId,
        Instant at) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.transferred.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return ticketId;
    }
}
