package kz.gfc.queue.events;

import java.time.Instant;

/** The owner freed the seat before the visit. */
public record BookingCancelled(String bookingId, String branchCode, String categoryCode, Instant slotStart,
        Instant at) implements BookingEvent {

    public static final String TYPE = "kz.gfc.booking.cancelled.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
