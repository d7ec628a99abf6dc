package kz.gfc.queue.events;

import kz.gfc.kit.events.DomainEvent;

/** What happens to a booking; keyed by the booking, so one booking's events stay in order. */
public interface BookingEvent extends DomainEvent {

    String bookingId();

    @Override
    default String aggregateId() {
        return bookingId();
    }
}
