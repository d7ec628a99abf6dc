package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.queue.domain.booking.Booking;

/** Nobody came: the booking was neither cancelled nor checked in by the end of its slot's day. */
public record BookingMissed(String bookingId, String branchCode, String categoryCode, Instant slotStart,
        Instant at) implements BookingEvent {

    public static final String TYPE = "kz.gfc.booking.missed.v1";

    public static BookingMissed of(Booking b, Instant at) {
        return new BookingMissed(b.id.toString(), b.branchCode, b.categoryCode, b.slotStart, at);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
