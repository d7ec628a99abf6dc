package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.events.InboxRetention;
import kz.gfc.kit.testing.RealInfrastructure;

/** processed_event rows older than 30 days and Idempotency-Keys older than 24 h are deleted; newer ones stay. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class InboxRetentionTest {

    @Inject
    InboxRetention retention;

    @Inject
    EntityManager em;

    @Test
    void rowsPastTheirRetentionAreDeletedAndNewerOnesStay() {
        String tag = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            // more than one chunk (1000) of old rows, so the job has to go on after the first
            insertProcessed("old-" + tag, 2500, "31 days");
            insertProcessed("new-" + tag, 3, "29 days");
            insertIdempotencyKeys("old-" + tag, 3, "25 hours");
            insertIdempotencyKeys("new-" + tag, 3, "23 hours");
        });

        InboxRetention.Pruned pruned = retention.prune();

        assertThat(pruned.processedEvents()).isGreaterThanOrEqualTo(2500);
        assertThat(count("processed_event", "event_id", "old-" + tag)).isZero();
        assertThat(count("processed_event", "event_id", "new-" + tag)).isEqualTo(3);
        assertThat(count("idempotency_key", "caller", "old-" + tag)).isZero();
        assertThat(count("idempotency_key", "caller", "new-" + tag)).isEqualTo(3);
    }

    private void insertProcessed(String prefix, int n, String age) {
        em.createNativeQuery("INSERT INTO processed_event (event_id, consumer, type, processed_at)"
                + " SELECT ?1 || '-' || g, 'audit-service', 'kz.gfc.test.v1', now() - CAST(?2 AS interval)"
                + " FROM generate_series(1, ?3) g")
                .setParameter(1, prefix).setParameter(2, age).setParameter(3, n).executeUpdate();
    }

    private void insertIdempotencyKeys(String caller, int n, String age) {
        em.createNativeQuery("INSERT INTO idempotency_key (caller, idem_key, request_hash, status, created_at)"
                + " SELECT ?1, 'key-' || g, repeat('0', 64), 201, now() - CAST(?2 AS interval)"
                + " FROM generate_series(1, ?3) g")
                .setParameter(1, caller).setParameter(2, age).setParameter(3, n).executeUpdate();
    }

    private long count(String table, String column, String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM " + table + " WHERE " + column + " LIKE ?1")
                .setParameter(1, prefix + "%").getSingleResult()).longValue());
    }
}
