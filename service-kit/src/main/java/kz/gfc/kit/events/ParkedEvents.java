package kz.gfc.kit.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * Outbox rows the relay parked because the broker refused them again and again (see
 * {@link OutboxRelay}): what the engineer on call lists, retries once the cause is fixed
 * (a topic created, an ACL granted, a size limit raised) or discards. Either way the later
 * events of the row's key, which wait behind it, flow again.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final int LIST_LIMIT = 500;

    private static final String VIEW = """
            SELECT o.seq, o.id, o.topic, o.msg_key, o.type, o.created_at, o.attempts, o.last_error, o.parked_at,
                   o.discarded_at,
                   (SELECT count(*) FROM outbox w WHERE w.topic = o.topic AND w.msg_key = o.msg_key AND w.seq > o.seq
                                                    AND w.sent_at IS NULL AND w.discarded_at IS NULL)
            FROM outbox o
            """;
    private static final String PARKED = "o.parked_at IS NOT NULL AND o.sent_at IS NULL AND o.discarded_at IS NULL";

    private final AgroalDataSource dataSource;

    public ParkedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A parked row. {@code waitingBehind}: the later unsent rows of its (topic, key), held
     * back so that key's events keep their order.
     */
    public record ParkedEvent(long seq, UUID id, String topic, String key, String type, Instant createdAt, int attempts,
            String lastError, Instant parkedAt, Instant discardedAt, long waitingBehind) {
    }

    @Transactional
    public List<ParkedEvent> list() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(VIEW + " WHERE " + PARKED + " ORDER BY o.seq LIMIT " + LIST_LIMIT);
                ResultSet r = ps.executeQuery()) {
            List<ParkedEvent> out = new ArrayList<>();
            while (r.next()) {
                out.add(view(r));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("parked outbox rows not read", e);
        }
    }

    /** Puts the row back in the relay's queue with a fresh count of attempts. */
    @Transactional
    public ParkedEvent retry(long seq) {
        return change(seq, "UPDATE outbox o SET parked_at = NULL, attempts = 0 WHERE o.seq = ? AND " + PARKED);
    }

    /** Gives the row up: it is never sent, stays recognisable (discarded_at) and is deleted with the sent rows. */
    @Transactional
    public ParkedEvent discard(long seq) {
        return change(seq, "UPDATE outbox o SET discarded_at = now() WHERE o.seq = ? AND " + PARKED);
    }

    private ParkedEvent change(long seq, String update) {
        try (Connection c = dataSource.getConnection()) {
            int changed;
            try (PreparedStatement ps = c.prepareStatement(update)) {
                ps.setLong(1, seq);
                changed = ps.executeUpdate();
            }
            Optional<ParkedEvent> row = find(c, seq);
            if (row.isEmpty()) {
                throw ProblemException.notFound("outbox row", seq);
            }
            if (changed == 0) {
                throw ProblemException.conflict("outbox-row-not-parked",
                        "outbox row " + seq + " is not parked (it was sent or discarded, or it is still queued)",
                        Text.of("Жазба кідіртілмеген: ол жіберілген, алынып тасталған немесе кезекте тұр",
                                "Запись не отложена: она отправлена, отброшена или ещё в очереди"));
            }
            return row.get();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox row " + seq + " not changed", e);
        }
    }

    private static Optional<ParkedEvent> find(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(VIEW + " WHERE o.seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(view(r)) : Optional.empty();
            }
        }
    }

    private static ParkedEvent view(ResultSet r) throws SQLException {
        return new ParkedEvent(r.getLong(1), r.getObject(2, UUID.class), r.getString(3), r.getString(4), r.getString(5),
                instant(r.getTimestamp(6)), r.getInt(7), r.getString(8), instant(r.getTimestamp(9)),
                instant(r.getTimestamp(10)), r.getLong(11));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
