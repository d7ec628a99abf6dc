package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;

/** R12: a visit slot was booked; the applicant only as a pseudonym (R23). */
public record BookingMade(String bookingId, String branchCode, String categoryCode, Instant slotStart,
        String applicantPseudonym, Instant at) implements DomainEvent {

    public static final String TYPE = "kz.gfc.booking.made.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return bookingId;
    }
}
