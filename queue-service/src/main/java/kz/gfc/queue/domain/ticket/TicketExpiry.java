package kz.gfc.queue.domain.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import kz.gfc.kit.events.Outbox;
import kz.gfc.queue.events.BookingMissed;
import kz.gfc.queue.events.TicketExpired;
import kz.gfc.queue.domain.booking.Booking;
import kz.gfc.queue.domain.branch.Branch;

/**
 * Closes the day: a booking nobody came for becomes MISSED; a ticket still waiting, called or in service when its branch's service
 * day has ended becomes EXPIRED, with an event. The queue never calls such tickets anyway;
 * closing them keeps the day's statistics honest (R27) and the records finished.
 */
@ApplicationScoped
public class TicketExpiry {

    static final int BATCH = 500;

    private final Clock clock;
    private final Outbox outbox;

    public TicketExpiry(Clock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Expires one batch per branch of tickets from days before the branch's today; returns how many. */
    @Transactional
    public int expirePastDays() {
        Instant now = clock.instant();
        int expired = 0;
        for (Branch branch : Branch.<Branch>listAll()) {
            LocalDate today = now.atZone(branch.zone()).toLocalDate();
            List<Ticket> open = Ticket.<Ticket>find(
                    "branchCode = ?1 and serviceDay < ?2 and status in ?3 order by serviceDay, queueAt",
                    branch.code, today, List.of(TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.IN_SERVICE))
                    // Locked: a second instance running the same close waits, then finds these no longer open.
                    .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, BATCH).list();
            for (Ticket t : open) {
                TicketStatus previous = t.status;
                t.status = TicketStatus.requireMove(previous, TicketStatus.EXPIRED);
                t.expiredAt = now;
                outbox.publish(TicketExpired.of(t, previous.name()));
                expired++;
            }
        }
        return expired;
    }

    /**
     * Marks bookings of past service days that were neither cancelled nor checked in as
     * MISSED, with an event: a late check-in stays possible all day (it gives an ordinary
     * ticket), and after that the booking no longer counts against the person's limit.
     */
    @Transactional
    public int missPastBookings() {
        Instant now = clock.instant();
        int missed = 0;
        for (Branch branch : Branch.<Branch>listAll()) {
            Instant startOfToday = now.atZone(branch.zone()).toLocalDate().atStartOfDay(branch.zone()).toInstant();
            List<Booking> open = Booking.<Booking>find("branchCode = ?1 and status = ?2 and slotStart < ?3 order by slotStart",
                    branch.code, Booking.Status.ACTIVE, startOfToday)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, BATCH).list();
            for (Booking b : open) {
                b.status = Booking.Status.MISSED;
                outbox.publish(BookingMissed.of(b, now));
                missed++;
            }
        }
        return missed;
    }
}
