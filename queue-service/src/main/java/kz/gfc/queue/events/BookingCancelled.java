package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.queue.domain.booking.Booking;

/** The owner freed the seat before the visit. */
public record BookingCancelled(String bookingId, String branchCode, String categoryCode, Instant slotStart,
        Instant at) implements BookingEvent {

    public static final String TYPE = "kz.gfc.booking.cancelled.v1";

    public static BookingCancelled of(Booking b, Instant at) {
        return new BookingCancelled(b.id.toString(), b.branchCode, b.categoryCode, b.slotStart, at);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
