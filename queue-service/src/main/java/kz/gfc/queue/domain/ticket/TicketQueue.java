package kz.gfc.queue.domain.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.gfc.queue.domain.window.CallOrder;

/**
 * The waiting line in the database: picking the head of a {@link CallOrder.Pool} for a
 * window, a ticket's position, daily numbers and the history behind the wait band.
 */
@ApplicationScoped
public class TicketQueue {

    /** A ticket is "booking due" when it came from a checked-in booking whose slot has begun. */
    private static final String DUE = "(slot_start IS NOT NULL AND slot_start <= :now)";

    private final EntityManager em;

    public TicketQueue(EntityManager em) {
        this.em = em;
    }

    /**
     * Takes and locks the head of a pool for a window. {@code SKIP LOCKED}: a ticket another
     * window is calling right now is passed over instead of waited for, and since the lock
     * is held until that call commits (status CALLED), no ticket is ever handed out twice.
     */
    public Optional<Ticket> lockHead(CallOrder.Pool pool, String branch, LocalDate day, Collection<String> categories,
            long windowId, Instant now, java.time.Duration agingStep) {
        String filter = switch (pool) {
            case BOOKING_DUE -> DUE + " ORDER BY slot_start, queue_at, issue_seq";
            // Aging: every step waited adds one lightest weight (10), so an elderly visitor who has
            // waited long enough ties with, then passes, a stream of newly arriving heavier grounds.
            case PRIORITY -> "priority_weight > 0 AND NOT " + DUE + " ORDER BY priority_weight"
                    + " + 10 * floor(extract(epoch FROM (CAST(:now AS timestamptz) - queue_at)) / :agingStep) DESC,"
                    + " queue_at, issue_seq";
            case ORDINARY -> "priority_weight = 0 AND NOT " + DUE + " ORDER BY queue_at, issue_seq";
        };
        var query = em.createNativeQuery("SELECT id FROM ticket WHERE branch_code = :branch AND service_day = :day"
                + " AND status = 'WAITING' AND category_code IN (:categories)"
                + " AND (target_window_id IS NULL OR target_window_id = :window) AND " + filter
                + " LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter("branch", branch)
                .setParameter("day", day)
                .setParameter("categories", categories)
                .setParameter("window", windowId)
                .setParameter("now", now);
        if (pool == CallOrder.Pool.PRIORITY) {
            query.setParameter("agingStep", Math.max(1, agingStep.toSeconds()));
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = query.getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        UUID id = ids.get(0) instanceof UUID u ? u : UUID.fromString(ids.get(0).toString());
        return Optional.of(em.find(Ticket.class, id));
    }

    public Optional<Ticket> lock(UUID id) {
        return Optional.ofNullable(em.find(Ticket.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * A waiting ticket's 1-based place in the line of its category, by the same order
     * {@link CallOrder} uses (due bookings, then weight, then time), with what its wait band is
     * drawn from: the category's service times at this hour of the week and who works its line
     * now. One statement, since every poll and every issue shows all three. The place is only an
     * estimate: the starvation bound and other categories at the same windows can reorder calls.
     *
     * <p>Nearly every ticket is ordinary (weight 0, no booking due), and every waiting ticket
     * issued before an ordinary one is ahead of it (weights are never negative), so its place
     * is the tickets before it in time, a range of the waiting-line index that ends at the
     * ticket itself, plus the few later ones that rank higher, found through the index of
     * special tickets. Polling the head of a deep line then counts nothing, where one count over
     * the whole line by weight and time fetched every waiting row. A special ticket is rare and
     * takes that full count.
     *
     * <p>The statement runs on its generic plan. Left to choose, PostgreSQL estimates a plan for
     * the actual values cheaper than the generic one and so plans it afresh on every execution,
     * about 1 ms of its CPU each time, most of a poll's; the generic plan uses the same indexes.
     * The setting is local to this transaction, which is why there is one.
     */
    @Transactional
    public Line line(Ticket t, ZonedDateTime at) {
        em.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)").getSingleResult();
        Instant now = at.toInstant();
        boolean due = t.slotStart != null && !t.slotStart.isAfter(now);
        boolean ordinary = !due && t.priorityWeight == 0;
        String ahead = ordinary
                ? "(SELECT count(*) FROM ticket WHERE branch_code = :branch AND service_day = :day"
                        + "   AND category_code = :category AND status = 'WAITING' AND (queue_at, issue_seq) < (:queueAt, :seq))"
                        + " + (SELECT count(*) FROM ticket WHERE branch_code = :branch AND service_day = :day"
                        + "   AND category_code = :category AND status = 'WAITING' AND (priority_weight > 0 OR slot_start IS NOT NULL)"
                        + "   AND (queue_at, issue_seq) > (:queueAt, :seq) AND (priority_weight > 0 OR " + DUE + "))"
                : "(SELECT count(*) FROM ticket WHERE branch_code = :branch"
                        + " AND service_day = :day AND status = 'WAITING' AND category_code = :category AND id <> :id AND ("
                        + "  (:due = false AND " + DUE + ")"
                        + "  OR ((" + DUE + ") = :due AND (priority_weight > :weight"
                        + "      OR (priority_weight = :weight AND (queue_at, issue_seq) < (:queueAt, :seq))))))";
        var query = em.createNativeQuery("SELECT " + ahead + ", s.samples, s.mean_minutes, s.variance_minutes,"
                + " staff.open, staff.idle"
                + " FROM (SELECT count(*) AS open, count(*) FILTER (WHERE NOT EXISTS ("
                + "         SELECT 1 FROM ticket c WHERE c.window_id = w.id AND c.status IN ('CALLED', 'IN_SERVICE'))) AS idle"
                + "       FROM service_window w JOIN window_category wc ON wc.window_id = w.id"
                + "       WHERE w.branch_code = :branch AND wc.category_code = :category"
                + "         AND w.operator_id IS NOT NULL AND w.paused_at IS NULL AND w.retired_at IS NULL) staff"
                + " LEFT JOIN service_time_stat s ON s.branch_code = :branch AND s.category_code = :category"
                + "   AND s.dow = :dow AND s.hour = :hour")
                .setParameter("branch", t.branchCode)
                .setParameter("day", t.serviceDay)
                .setParameter("category", t.categoryCode)
                .setParameter("queueAt", t.queueAt)
                .setParameter("seq", t.issueSeq)
                .setParameter("now", now)
                .setParameter("dow", (short) at.getDayOfWeek().getValue())
                .setParameter("hour", (short) at.getHour());
        if (!ordinary) {
            query.setParameter("id", t.id).setParameter("due", due).setParameter("weight", t.priorityWeight);
        }
        Object[] row = (Object[]) query.getSingleResult();
        ServiceTimeStats times = row[1] == null ? ServiceTimeStats.NONE : stats(row, 1);
        return new Line(((Number) row[0]).intValue() + 1, times,
                new Staffing(((Number) row[4]).intValue(), ((Number) row[5]).intValue()));
    }

    /** A waiting ticket's place, and what its wait band is drawn from ({@link #line}). */
    public record Line(int position, ServiceTimeStats times, Staffing staffing) {
    }

    /** Who works a category's line now: windows signed in and not on a break, and how many of them nobody is at. */
    public record Staffing(int open, int idle) {
    }

    /** The next daily number of a category at a branch; the counter row serialises concurrent issuers. */
    public int nextSequence(String branch, String category, LocalDate day) {
        Number n = (Number) em.createNativeQuery("INSERT INTO ticket_counter (branch_code, category_code, service_day, last_seq)"
                + " VALUES (:branch, :category, :day, 1) ON CONFLICT (branch_code, category_code, service_day)"
                + " DO UPDATE SET last_seq = ticket_counter.last_seq + 1 RETURNING last_seq")
                .setParameter("branch", branch)
                .setParameter("category", category)
                .setParameter("day", day)
                .getSingleResult();
        return n.intValue();
    }

    /** {@code samples, mean_minutes, variance_minutes} of {@code service_time_stat}, starting at column {@code from}. */
    private static ServiceTimeStats stats(Object[] row, int from) {
        return new ServiceTimeStats(((Number) row[from]).intValue(), ((Number) row[from + 1]).doubleValue(),
                ((Number) row[from + 2]).doubleValue());
    }

    /**
     * Adds one served visit to its hour's figures ({@link ServiceTimeStats#with}): the row is
     * locked, so windows completing at once each count.
     */
    public void recordServed(String branch, String category, ZonedDateTime startedAt, double minutes, double smoothing) {
        short dow = (short) startedAt.getDayOfWeek().getValue();
        short hour = (short) startedAt.getHour();
        em.createNativeQuery("INSERT INTO service_time_stat (branch_code, category_code, dow, hour, samples, mean_minutes,"
                + " variance_minutes) VALUES (:branch, :category, :dow, :hour, 0, 0, 0)"
                + " ON CONFLICT (branch_code, category_code, dow, hour) DO NOTHING")
                .setParameter("branch", branch).setParameter("category", category)
                .setParameter("dow", dow).setParameter("hour", hour).executeUpdate();
        Object[] r = (Object[]) em.createNativeQuery("SELECT samples, mean_minutes, variance_minutes FROM service_time_stat"
                + " WHERE branch_code = :branch AND category_code = :category AND dow = :dow AND hour = :hour FOR UPDATE")
                .setParameter("branch", branch).setParameter("category", category)
                .setParameter("dow", dow).setParameter("hour", hour).getSingleResult();
        ServiceTimeStats next = stats(r, 0).with(minutes, smoothing);
        em.createNativeQuery("UPDATE service_time_stat SET samples = :samples, mean_minutes = :mean,"
                + " variance_minutes = :variance"
                + " WHERE branch_code = :branch AND category_code = :category AND dow = :dow AND hour = :hour")
                .setParameter("samples", next.samples()).setParameter("mean", next.meanMinutes())
                .setParameter("variance", next.varianceMinutes())
                .setParameter("branch", branch).setParameter("category", category)
                .setParameter("dow", dow).setParameter("hour", hour).executeUpdate();
    }

    /** Whether the window has a ticket called or in service: one visitor at a time. */
    public Optional<Ticket> activeAt(long windowId) {
        return Ticket.<Ticket>find("windowId = ?1 and status in ?2", windowId,
                List.of(TicketStatus.CALLED, TicketStatus.IN_SERVICE)).firstResultOptional();
    }
}
