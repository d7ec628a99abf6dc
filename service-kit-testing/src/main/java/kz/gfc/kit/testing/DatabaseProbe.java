package kz.gfc.kit.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/** Looks at the test's own database from the side, to stage a race at the right moment. */
public final class DatabaseProbe {

    private DatabaseProbe() {
    }

    /**
     * Returns once some session of this database waits on a lock — e.g. the request under test
     * blocked behind a rival transaction the test holds open — and fails after 20 s.
     */
    public static void awaitASessionWaitingOnALock(DataSource db, String who) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Connection c = db.getConnection();
                    ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                r.next();
                if (r.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(who + " never waited on the rival's lock");
    }
}
