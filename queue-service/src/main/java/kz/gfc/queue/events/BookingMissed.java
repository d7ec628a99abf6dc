package kz.gfc.queue.events;

import java.time.Instant;

/** Nobody came: the booking was neither cancelled nor checked in by the end of its slot's day. */
public record BookingMissed(String bookingId, String branchCode, String categoryCode, Instant slotStart,
        Instant at) implements BookingEvent {

    public static final String TYPE = "kz.gfc.booking.missed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
