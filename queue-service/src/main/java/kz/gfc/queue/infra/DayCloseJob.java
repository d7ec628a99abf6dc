package kz.gfc.queue.infra;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import kz.gfc.queue.domain.ticket.TicketExpiry;

/**
 * Runs TicketExpiry often rather than once at midnight, so a missed run (a restart, a
 * branch in another zone) only delays the close. Several instances may run it: the rows
 * are locked, so each ticket moves to EXPIRED, with its event, once.
 */
@ApplicationScoped
public class DayCloseJob {

    private static final Logger LOG = Logger.getLogger(DayCloseJob.class);

    private final TicketExpiry expiry;
    private final DisplayBoard board;
    private final java.time.Clock clock;

    public DayCloseJob(TicketExpiry expiry, DisplayBoard board, java.time.Clock clock) {
        this.expiry = expiry;
        this.board = board;
        this.clock = clock;
    }

    @Scheduled(every = "${gfc.day-close.every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closePastDays() {
        int n = expiry.expirePastDays();
        if (n > 0) {
            LOG.infof("day close: %d ticket(s) from past service days expired", n);
        }
        int forgotten = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> board.forgetBefore(clock.instant().minus(java.time.Duration.ofDays(1))));
        if (forgotten > 0) {
            LOG.debugf("day close: %d board call(s) older than a day forgotten", forgotten);
        }
        int missed = expiry.missPastBookings();
        if (missed > 0) {
            LOG.infof("day close: %d booking(s) of past service days missed", missed);
        }
    }
}
