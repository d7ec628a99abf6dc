package kz.gfc.queue.events;

import java.time.Instant;

/** R12: a visit slot was booked; the applicant only as a pseudonym (R23). */
public record BookingMade(String bookingId, String branchCode, String categoryCode, Instant slotStart,
        String applicantPseudonym, Instant at) implements BookingEvent {

    public static final String TYPE = "kz.gfc.booking.made.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
