package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;
import kz.gfc.queue.domain.ticket.Ticket;

/** The citizen did not come after the call and the recalls. */
public record TicketNoShow(String ticketId, String branchCode, String categoryCode, String number, String source,
        Long windowId, String operatorId, int recalls, Instant at) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.no-show.v1";

    public static TicketNoShow of(Ticket t) {
        return new TicketNoShow(t.id.toString(), t.branchCode, t.categoryCode, t.number, t.source.name(), t.windowId,
                t.operatorId, t.recalls, t.noShowAt);
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
