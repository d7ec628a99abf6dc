package kz.gfc.queue.domain.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.gfc.queue.domain.branch.BranchReference;
import kz.gfc.queue.domain.branch.BranchSchedule;
import kz.gfc.queue.domain.branch.Branches;

/**
 * What a supervisor watches on the floor, per category of their branch today: who waits and
 * for how long, how many were served and how fast, how many windows work the line and how many
 * are on a break. Two grouped queries over today's tickets and the windows, never a scan of
 * history.
 */
@ApplicationScoped
public class SupervisorView {

    public record CategoryFloor(String category, int waiting, int longestWaitMinutes, int servedToday,
            Double meanServiceMinutes, int windowsOpen, int windowsPaused) {
    }

    public record Floor(String branchCode, LocalDate day, Instant at, List<CategoryFloor> categories) {
    }

    private final EntityManager em;
    private final Branches branches;
    private final BranchSchedule schedule;
    private final Clock clock;

    SupervisorView(EntityManager em, Branches branches, BranchSchedule schedule, Clock clock) {
        this.em = em;
        this.branches = branches;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Floor floor(String branchCode) {
        BranchReference branch = branches.branch(branchCode);
        LocalDate day = schedule.today(branch);
        Instant now = clock.instant();
        Map<String, long[]> tickets = new TreeMap<>();
        Map<String, Instant> oldest = new TreeMap<>();
        Map<String, Double> mean = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT category_code,"
                + " count(*) FILTER (WHERE status = 'WAITING'), min(queue_at) FILTER (WHERE status = 'WAITING'),"
                + " count(*) FILTER (WHERE status = 'COMPLETED'),"
                + " avg(served_seconds) FILTER (WHERE status = 'COMPLETED' AND served_seconds IS NOT NULL)"
                + " FROM ticket WHERE branch_code = :branch AND service_day = :day GROUP BY category_code")
                .setParameter("branch", branch.code).setParameter("day", day).getResultList();
        for (Object[] r : rows) {
            String c = (String) r[0];
            tickets.put(c, new long[] { ((Number) r[1]).longValue(), ((Number) r[3]).longValue() });
            if (r[2] != null) {
                oldest.put(c, toInstant(r[2]));
            }
            if (r[4] != null) {
                mean.put(c, ((Number) r[4]).doubleValue() / 60.0);
            }
        }
        Map<String, int[]> windows = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> ws = em.createNativeQuery("SELECT c.category_code,"
                + " count(*) FILTER (WHERE w.operator_id IS NOT NULL AND w.paused_at IS NULL),"
                + " count(*) FILTER (WHERE w.operator_id IS NOT NULL AND w.paused_at IS NOT NULL)"
                + " FROM service_window w JOIN window_category c ON c.window_id = w.id"
                + " WHERE w.branch_code = :branch AND w.retired_at IS NULL GROUP BY c.category_code")
                .setParameter("branch", branch.code).getResultList();
        for (Object[] r : ws) {
            windows.put((String) r[0], new int[] { ((Number) r[1]).intValue(), ((Number) r[2]).intValue() });
        }
        TreeMap<String, Boolean> categories = new TreeMap<>();
        branch.categories.forEach(c -> categories.put(c, true));
        tickets.keySet().forEach(c -> categories.put(c, true));
        List<CategoryFloor> out = new ArrayList<>();
        for (String c : categories.keySet()) {
            long[] t = tickets.getOrDefault(c, new long[2]);
            int[] w = windows.getOrDefault(c, new int[2]);
            Instant first = oldest.get(c);
            int longest = first == null ? 0 : (int) Math.max(0, Duration.between(first, now).toMinutes());
            Double m = mean.get(c);
            out.add(new CategoryFloor(c, (int) t[0], longest, (int) t[1],
                    m == null ? null : Math.round(m * 10) / 10.0, w[0], w[1]));
        }
        return new Floor(branch.code, day, now, out);
    }

    private static Instant toInstant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(v.toString());
    }
}
