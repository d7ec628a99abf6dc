package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;
import kz.gfc.queue.domain.ticket.Ticket;

/**
 * A visit was served: the basis of statistics and ratings (R18, R27). Waited is issue to
 * first call; served is start to completion. Live-queue tickets posted afterwards (R6) come
 * with source LIVE so they are counted too.
 */
public record TicketCompleted(String ticketId, String branchCode, String categoryCode, String number, String source,
        Long windowId, Integer windowNumber, String operatorId, long waitedSeconds, long servedSeconds,
        String applicationId, String applicantPseudonym, Instant completedAt) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.completed.v1";

    /** The end of a visit: waited from issue to the first call, served from the last start. */
    public static TicketCompleted of(Ticket t, Integer windowNumber) {
        return new TicketCompleted(t.id.toString(), t.branchCode, t.categoryCode, t.number, t.source.name(), t.windowId,
                windowNumber, t.operatorId, java.time.Duration.between(t.issuedAt, t.firstCalledAt).toSeconds(),
                t.servedSeconds, t.applicationId, t.applicantPseudonym, t.completedAt);
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
