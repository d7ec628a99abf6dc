package kz.gfc.issuance.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.gfc.issuance.events.DocumentReturned;

/**
 * Sends unclaimed results back to their provider when {@link RetentionPolicy} says so (R20).
 * Any number of instances may run it at once: each batch locks the rows it takes and skips the
 * ones another run holds, and a row returned by another run no longer matches, so each package
 * goes back, with its events, once.
 */
@ApplicationScoped
public class UnclaimedReturns {

    static final String ACTOR = "system:retention";

    private final EntityManager em;
    private final Clock clock;
    private final PackageService packages;
    private final IssuanceConfig config;

    UnclaimedReturns(EntityManager em, Clock clock, PackageService packages, IssuanceConfig config) {
        this.em = em;
        this.clock = clock;
        this.packages = packages;
        this.config = config;
    }

    /** Returns every package due today (Kazakhstan's date); the count returned by this run. */
    public int returnDue() {
        int total = 0;
        while (true) {
            Batch b = QuarkusTransaction.requiringNew().call(this::returnBatch);
            total += b.returned();
            if (b.taken() < config.returnBatch()) {
                return total;
            }
        }
    }

    private record Batch(int taken, int returned) {
    }

    private Batch returnBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, DocumentPackage.KZ);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                SELECT id FROM document_package
                WHERE status = 'AT_ISSUANCE_DESK' AND kept_until <= ?1
                ORDER BY kept_until, id LIMIT ?2
                FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, RetentionPolicy.lastKeptDayDueOn(today))
                .setParameter(2, config.returnBatch())
                .getResultList();
        int returned = 0;
        for (UUID id : ids) {
            DocumentPackage p = em.find(DocumentPackage.class, id);
            // the stored date finds candidates by the policy's own cut-off; the policy decides each
            if (p.status != PackageStatus.AT_ISSUANCE_DESK || !RetentionPolicy.dueForReturn(p.retentionClass,
                    LocalDate.ofInstant(p.atDeskSince, DocumentPackage.KZ), today)) {
                continue;
            }
            packages.publish(p, p.returnToProvider(DocumentReturned.UNCLAIMED, null, ACTOR, now));
            returned++;
        }
        return new Batch(ids.size(), returned);
    }
}
