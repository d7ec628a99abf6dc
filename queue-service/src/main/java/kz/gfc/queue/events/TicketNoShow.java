package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;

/** The citizen did not come after the call and the recalls. */
public record TicketNoShow(String ticketId, String branchCode, String categoryCode, String number, String source,
        Long windowId, String operatorId, int recalls, Instant at) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.no-show.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return ticketId;
    }
}
