package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.queue.domain.booking.Booking;

/** R12: a visit slot was booked; the applicant only as a pseudonym (R23). */
public record BookingMade(String bookingId, String branchCode, String categoryCode, Instant slotStart,
        String applicantPseudonym, Instant at) implements BookingEvent {

    public static final String TYPE = "kz.gfc.booking.made.v1";

    public static BookingMade of(Booking b) {
        return new BookingMade(b.id.toString(), b.branchCode, b.categoryCode, b.slotStart, b.applicantPseudonym, b.createdAt);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
