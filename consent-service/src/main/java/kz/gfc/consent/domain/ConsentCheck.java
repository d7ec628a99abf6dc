package kz.gfc.consent.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;

/**
 * R7, R8: may this recipient use this kind of the subject's protected data for this service,
 * now? Asked before every access, so it reads the database every time — there is no cache
 * that a revocation could leave stale, on this instance or any other. An allowed check is
 * written to the access log in the same transaction, against the consent that allowed it, with
 * the caller from the token: no access is allowed without its log line.
 *
 * <p>A consent without a fetch limit — nearly all of them — costs one round trip: a partial
 * index on live consents by (pseudonym, recipient, purpose) finds it and the same statement
 * inserts the log row. That statement commits on its own (autocommit), so the answer waits for
 * one durable commit and not for a second round trip carrying a COMMIT; a single statement is
 * atomic, so the log row and the decision still stand or fall together. No consent row is written
 * or locked, so concurrent checks never queue. A consent with a limit ({@code fetch_limit} per
 * {@link FetchPeriod}) is found by that same statement, which then writes nothing; the check then
 * opens a transaction, locks that consent's row, counts its log rows in the current period and
 * logs only below the limit — and concurrent checks of that one consent take turns, so exactly
 * the limit is allowed.
 */
@ApplicationScoped
public class ConsentCheck {

    /** Why a check refused, for the caller's program to act on. */
    public static final String NO_ACTIVE_CONSENT = "NO_ACTIVE_CONSENT";
    public static final String FETCH_LIMIT_REACHED = "FETCH_LIMIT_REACHED";

    // An unlimited consent is preferred when both kinds would allow the access.
    private static final String FIND_AND_LOG_UNLIMITED = """
            WITH hit AS (
                SELECT c.id, c.valid_until, c.subject_pseudonym, c.recipient, c.purpose, c.fetch_limit, c.fetch_period
                FROM consent c JOIN consent_scope_grant g ON g.consent_id = c.id AND g.scope = ?
                WHERE c.subject_pseudonym = ? AND c.recipient = ? AND c.purpose = ?
                  AND c.status = 'ACTIVE' AND c.valid_until > ?
                ORDER BY c.fetch_limit IS NULL DESC, c.valid_until DESC
                LIMIT 1),
            logged AS (
                INSERT INTO access_log (consent_id, subject_pseudonym, recipient, scope, purpose, organisation,
                                        accessor, operator_name, accessed_at)
                SELECT id, subject_pseudonym, recipient, ?, purpose, ?, ?, ?, ? FROM hit WHERE hit.fetch_limit IS NULL
                RETURNING consent_id)
            SELECT hit.id, hit.valid_until, hit.fetch_limit, hit.fetch_period
            FROM hit LEFT JOIN logged ON logged.consent_id = hit.id""";

    // Re-evaluated on the newest row version once the lock is granted: a revocation committed meanwhile wins.
    private static final String LOCK_LIMITED = """
            SELECT fetch_limit, fetch_period FROM consent
            WHERE id = ? AND status = 'ACTIVE' AND valid_until > ? FOR UPDATE""";

    // A statement of its own after the lock, so its snapshot holds every row logged by earlier lock holders.
    private static final String LOG_BELOW_LIMIT = """
            INSERT INTO access_log (consent_id, subject_pseudonym, recipient, scope, purpose, organisation,
                                    accessor, operator_name, accessed_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE (SELECT count(*) FROM access_log WHERE consent_id = ? AND accessed_at >= ?) < ?""";

    /**
     * @param reason null when allowed; {@link #NO_ACTIVE_CONSENT} or {@link #FETCH_LIMIT_REACHED}
     * @param limitResetsAt when a refused limit starts counting again; null otherwise
     */
    public record Decision(boolean allowed, UUID consentId, Instant validUntil, String reason, Instant limitResetsAt) {
        static final Decision REFUSED = new Decision(false, null, null, NO_ACTIVE_CONSENT, null);

        static Decision allowed(UUID consentId, Instant validUntil) {
            return new Decision(true, consentId, validUntil, null, null);
        }
    }

    private final AgroalDataSource db;
    private final Pseudonymizer pseudonyms;
    private final Clock clock;

    public ConsentCheck(AgroalDataSource db, Pseudonymizer pseudonyms, Clock clock) {
        this.db = db;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Outside any transaction on purpose: see the class comment. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Decision check(Iin subject, String recipient, String scope, String purpose, Accessor who) {
        Instant instant = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime now = instant.atOffset(ZoneOffset.UTC);
        String pseudonym = pseudonyms.pseudonym(subject);
        UUID consentId;
        Instant validUntil;
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(FIND_AND_LOG_UNLIMITED)) {
                ps.setString(1, scope);
                ps.setString(2, pseudonym);
                ps.setString(3, recipient);
                ps.setString(4, purpose);
                ps.setObject(5, now);
                ps.setString(6, scope);
                ps.setString(7, who.organisation());
                ps.setString(8, who.subject());
                ps.setString(9, who.operatorName());
                ps.setObject(10, now);
                try (ResultSet r = ps.executeQuery()) {
                    if (!r.next()) {
                        return Decision.REFUSED;
                    }
                    consentId = r.getObject(1, UUID.class);
                    validUntil = r.getObject(2, OffsetDateTime.class).toInstant();
                    if (r.getObject(3) == null) {
                        return Decision.allowed(consentId, validUntil);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("consent check failed", e);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection()) {
                return checkLimited(c, consentId, validUntil, pseudonym, recipient, scope, purpose, who, instant);
            }
        });
    }

    private Decision checkLimited(Connection c, UUID consentId, Instant validUntil, String pseudonym, String recipient,
            String scope, String purpose, Accessor who, Instant instant) throws SQLException {
        OffsetDateTime now = instant.atOffset(ZoneOffset.UTC);
        int limit;
        FetchPeriod period;
        try (PreparedStatement ps = c.prepareStatement(LOCK_LIMITED)) {
            ps.setObject(1, consentId);
            ps.setObject(2, now);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return Decision.REFUSED;
                }
                limit = r.getInt(1);
                period = FetchPeriod.valueOf(r.getString(2));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(LOG_BELOW_LIMIT)) {
            ps.setObject(1, consentId);
            ps.setString(2, pseudonym);
            ps.setString(3, recipient);
            ps.setString(4, scope);
            ps.setString(5, purpose);
            ps.setString(6, who.organisation());
            ps.setString(7, who.subject());
            ps.setString(8, who.operatorName());
            ps.setObject(9, now);
            ps.setObject(10, consentId);
            ps.setObject(11, period.start(instant).atOffset(ZoneOffset.UTC));
            ps.setInt(12, limit);
            if (ps.executeUpdate() == 1) {
                return Decision.allowed(consentId, validUntil);
            }
        }
        return new Decision(false, null, null, FETCH_LIMIT_REACHED, period.end(instant));
    }
}
