package kz.gfc.kit.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Forgets what the service only remembers to recognise repeats: {@code processed_event}
 * rows older than {@code gfc.inbox.keep-processed} and {@code idempotency_key} rows older
 * than {@code gfc.inbox.keep-idempotency-keys}. Without it both tables grow with every
 * event and every keyed request, for ever.
 *
 * <p>Rows go oldest first, a chunk per statement, each statement its own transaction, and
 * rows another instance is deleting are skipped ({@code SKIP LOCKED}): pruning never holds
 * a lock for long nor waits for one, and several instances may run it at once.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final AgroalDataSource dataSource;
    private final InboxConfig config;

    public InboxRetention(AgroalDataSource dataSource, InboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public record Pruned(long processedEvents, long idempotencyKeys) {
    }

    @Scheduled(every = "${gfc.inbox.prune-every:PT1H}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        prune();
    }

    /** Deletes every row past its retention; public so a test or an operator's tool can run it now. */
    public Pruned prune() {
        Instant now = Instant.now();
        Pruned pruned = new Pruned(
                deleteOlder("processed_event", "event_id, consumer", "processed_at", now.minus(config.keepProcessed())),
                deleteOlder("idempotency_key", "caller, idem_key", "created_at", now.minus(config.keepIdempotencyKeys())));
        if (pruned.processedEvents() > 0 || pruned.idempotencyKeys() > 0) {
            LOG.infof("retention: %d processed_event and %d idempotency_key row(s) deleted", pruned.processedEvents(),
                    pruned.idempotencyKeys());
        }
        return pruned;
    }

    private long deleteOlder(String table, String key, String column, Instant cutoff) {
        String sql = "DELETE FROM " + table + " WHERE (" + key + ") IN (SELECT " + key + " FROM " + table + " WHERE "
                + column + " < ? ORDER BY " + column + " LIMIT ? FOR UPDATE SKIP LOCKED)";
        int chunk = Math.max(1, config.pruneChunk());
        long total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.setInt(2, chunk);
            int n;
            do {
                n = ps.executeUpdate();
                total += n;
            } while (n == chunk);
        } catch (SQLException e) {
            // the next run picks up where this one stopped
            LOG.warnf("retention: %s not pruned after %d row(s): %s", table, total, e.getMessage());
        }
        return total;
    }
}
