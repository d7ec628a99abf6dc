package kz.gfc.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * R21: appends to the hash-chained audit log and verifies the chain.
 * Appends are serialised on the single chain-head row, so the chain never forks.
 */
@ApplicationScoped
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord append(AuditRecord record) {
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").getSingleResult();
        record.prevHash = ((String) head[1]).trim();
        // PostgreSQL keeps microseconds: hash exactly what will be read back
        record.occurredAt = record.occurredAt.truncatedTo(ChronoUnit.MICROS);
        record.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        record.hash = hash(record.prevHash, record.canonical());
        em.persist(record);
        em.flush();
        em.createNativeQuery("UPDATE audit_chain_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, record.seq).setParameter(2, record.hash).executeUpdate();
        return record;
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
