package kz.gfc.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * R21: appends to the hash-chained audit log and verifies the chain.
 * Appends are serialised on the single chain-head row, so the chain never forks.
 */
@ApplicationScoped
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    @Inject
    EntityManager em;

    private static final String INSERT = "INSERT INTO audit_record (event_id, service, actor_id, actor_roles, action,"
            + " http_method, path, resource_type, resource_id, outcome, status, occurred_at, correlation_id, client_address,"
            + " recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Appends the records in the order given, under one lock of the chain head: each links to
     * the one before it, the rows go in with one JDBC batch (their seq, from the table's
     * sequence, in the same order, as no other append can run meanwhile), and the head moves
     * once, to the last. Plain JDBC on the transaction's connection: this runs for every line of
     * every service, and the entity's persist and flush cost more than the insert itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            String prev;
            try (PreparedStatement head = c.prepareStatement("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                    ResultSet rs = head.executeQuery()) {
                rs.next();
                prev = rs.getString(1).trim();
            }
            // PostgreSQL keeps microseconds: hash exactly what will be read back
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (AuditRecord r : records) {
                    r.occurredAt = r.occurredAt.truncatedTo(ChronoUnit.MICROS);
                    r.recordedAt = now;
                    r.prevHash = prev;
                    r.hash = hash(prev, r.canonical());
                    prev = r.hash;
                    bind(insert, r);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement move = c.prepareStatement("UPDATE audit_chain_head SET last_seq ="
                    + " currval(pg_get_serial_sequence('audit_record', 'seq')), last_hash = ? WHERE id = 1")) {
                move.setString(1, prev);
                move.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement s, AuditRecord r) throws SQLException {
        s.setString(1, r.eventId);
        s.setString(2, r.service);
        s.setString(3, r.actorId);
        s.setString(4, r.actorRoles);
        s.setString(5, r.action);
        s.setString(6, r.httpMethod);
        s.setString(7, r.path);
        s.setString(8, r.resourceType);
        s.setString(9, r.resourceId);
        s.setString(10, r.outcome);
        s.setObject(11, r.status, Types.INTEGER);
        s.setObject(12, OffsetDateTime.ofInstant(r.occurredAt, ZoneOffset.UTC));
        s.setString(13, r.correlationId);
        s.setString(14, r.clientAddress);
        s.setObject(15, OffsetDateTime.ofInstant(r.recordedAt, ZoneOffset.UTC));
        s.setString(16, r.prevHash);
        s.setString(17, r.hash);
    }

    /** Recomputes the whole chain; the first record whose hash or link does not match is returned. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify() {
        String prev = GENESIS;
        long count = 0;
        int page = 0;
        final int size = 1000;
        while (true) {
            List<AuditRecord> batch = AuditRecord.<AuditRecord>find("order by seq").page(page++, size).list();
            for (AuditRecord r : batch) {
                count++;
                if (!r.prevHash.trim().equals(prev) || !r.hash.trim().equals(hash(prev, r.canonical()))) {
                    return new Verification(false, count, r.seq);
                }
                prev = r.hash.trim();
            }
            if (batch.size() < size) {
                return new Verification(true, count, null);
            }
            batch.forEach(em::detach);
        }
    }

    static String hash(String prev, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Verification(boolean intact, long records, Long firstBrokenSeq) {
    }
}
