package kz.gfc.consent.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;

/**
 * R7, R8: may this recipient use this kind of the subject's protected data for this service,
 * now? Asked before every access, so it reads the database every time — there is no cache
 * that a revocation could leave stale, on this instance or any other. An allowed check is
 * written to the access log in the same statement, against the consent that allowed it, with
 * the caller from the token: no access is allowed without its log line.
 *
 * <p>One round trip: a partial index on live consents by (pseudonym, recipient, purpose) finds
 * the consent; no consent row is written, so concurrent checks never queue on a row lock.
 */
@ApplicationScoped
public class ConsentCheck {

    private static final String SQL = """
            WITH hit AS (
                SELECT c.id, c.valid_until, c.subject_pseudonym, c.recipient, c.purpose
                FROM consent c JOIN consent_scope_grant g ON g.consent_id = c.id AND g.scope = ?
                WHERE c.subject_pseudonym = ? AND c.recipient = ? AND c.purpose = ?
                  AND c.status = 'ACTIVE' AND c.valid_until > ?
                ORDER BY c.valid_until DESC
                LIMIT 1),
            logged AS (
                INSERT INTO access_log (consent_id, subject_pseudonym, recipient, scope, purpose, organisation,
                                        accessor, operator_name, accessed_at)
                SELECT id, subject_pseudonym, recipient, ?, purpose, ?, ?, ?, ? FROM hit
                RETURNING consent_id)
            SELECT hit.id, hit.valid_until FROM hit JOIN logged ON logged.consent_id = hit.id""";

    public record Decision(boolean allowed, UUID consentId, Instant validUntil) {
        static final Decision REFUSED = new Decision(false, null, null);
    }

    private final AgroalDataSource db;
    private final Pseudonymizer pseudonyms;
    private final Clock clock;

    public ConsentCheck(AgroalDataSource db, Pseudonymizer pseudonyms, Clock clock) {
        this.db = db;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @Transactional
    public Decision check(Iin subject, String recipient, String scope, String purpose, Accessor who) {
        OffsetDateTime now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, scope);
            ps.setString(2, pseudonyms.pseudonym(subject));
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
                return new Decision(true, r.getObject(1, UUID.class), r.getObject(2, OffsetDateTime.class).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("consent check failed", e);
        }
    }
}
