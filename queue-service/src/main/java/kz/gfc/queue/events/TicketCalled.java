package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;

/** A ticket was called to a window (recall &gt; 0 for a repeated call), with the rule that chose it. */
public record TicketCalled(String ticketId, String branchCode, String categoryCode, String number, long windowId,
        int windowNumber, String operatorId, String rule, int recall, long waitedSeconds, boolean remoteVideo,
        Instant calledAt) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.called.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return ticketId;
    }
}
