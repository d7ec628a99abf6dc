package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;
import kz.gfc.queue.domain.ticket.Ticket;

/** A ticket was called to a window (recall &gt; 0 for a repeated call), with the rule that chose it. */
public record TicketCalled(String ticketId, String branchCode, String categoryCode, String number, long windowId,
        int windowNumber, String operatorId, String rule, int recall, long waitedSeconds, boolean remoteVideo,
        Instant calledAt) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.called.v1";

    /** {@code rule}: the CallOrder rule, or RECALL for the same ticket called again. */
    public static TicketCalled of(Ticket t, long windowId, int windowNumber, String rule, Instant at) {
        return new TicketCalled(t.id.toString(), t.branchCode, t.categoryCode, t.number, windowId, windowNumber,
                t.operatorId, rule, t.recalls, java.time.Duration.between(t.issuedAt, at).toSeconds(),
                t.roomReference != null, at);
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
