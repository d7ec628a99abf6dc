package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.queue.domain.booking.Booking;

/** The booking became a ticket: called first when its slot comes, or (late) an ordinary ticket. A booking that is neither cancelled nor checked in by its slot's end was missed. */
public record BookingCheckedIn(String bookingId, String branchCode, String categoryCode, Instant slotStart,
        String ticketId, boolean late, Instant at) implements BookingEvent {

    public static final String TYPE = "kz.gfc.booking.checked-in.v1";

    public static BookingCheckedIn of(Booking b, boolean late, Instant at) {
        return new BookingCheckedIn(b.id.toString(), b.branchCode, b.categoryCode, b.slotStart, b.ticketId.toString(), late, at);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
