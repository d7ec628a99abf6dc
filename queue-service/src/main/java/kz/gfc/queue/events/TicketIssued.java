package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;
import kz.gfc.queue.domain.ticket.Ticket;

/**
 * A ticket was issued, or a hand-numbered live-queue ticket was posted (source LIVE, R6).
 * The applicant appears only as a pseudonym (R23), and only when an IIN was given.
 */
public record TicketIssued(String ticketId, String branchCode, String categoryCode, String number, String source,
        String channel, String language, String priorityReason, String applicantPseudonym, String bookingId,
        Instant issuedAt) implements DomainEvent {

    public static final String TYPE = "kz.gfc.ticket.issued.v1";

    public static TicketIssued of(Ticket t) {
        return new TicketIssued(t.id.toString(), t.branchCode, t.categoryCode, t.number, t.source.name(), t.channel.name(),
                t.language, t.priorityReason == null ? null : t.priorityReason.name(), t.applicantPseudonym,
                t.bookingId == null ? null : t.bookingId.toString(), t.issuedAt);
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
