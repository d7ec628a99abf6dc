package kz.gfc.consent.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kz.gfc.kit.events.Outbox;

/**
 * Closes consents past their validity as EXPIRED, each with one ConsentExpired. The check
 * never needed this to refuse them (it compares the validity itself); it keeps the record
 * and the subject's list honest and tells the recipients. Several instances may run it at
 * once: rows another instance holds are skipped ({@code SKIP LOCKED}), rows it has closed
 * are no longer ACTIVE, so each consent expires once.
 */
@ApplicationScoped
public class ConsentExpiry {

    static final int BATCH = 500;

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final ConsentConfig config;

    public ConsentExpiry(EntityManager em, Outbox outbox, Clock clock, ConsentConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Deletes requests never confirmed whose code ran out more than the retention ago: each
     * holds an encrypted IIN that no longer serves anything (R23). A confirmed request stays,
     * as the consent's evidence names it.
     */
    @Transactional
    public int purgeUnconfirmedRequests() {
        var before = clock.instant().minus(config.unconfirmedRequestRetention()).atOffset(ZoneOffset.UTC);
        em.createNativeQuery("""
                DELETE FROM consent_request_scope WHERE request_id IN (
                    SELECT id FROM consent_request WHERE status <> 'CONFIRMED' AND code_expires_at < ?1)""")
                .setParameter(1, before).executeUpdate();
        return em.createNativeQuery("DELETE FROM consent_request WHERE status <> 'CONFIRMED' AND code_expires_at < ?1")
                .setParameter(1, before).executeUpdate();
    }

    /** One batch; returns how many consents it closed. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT id FROM consent WHERE status = 'ACTIVE' AND valid_until <= ?1
                ORDER BY valid_until LIMIT ?2 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, BATCH)
                .getResultList();
        for (UUID id : due) {
            Consent c = em.find(Consent.class, id);
            outbox.publish(c.expire(now));
        }
        return due.size();
    }
}
