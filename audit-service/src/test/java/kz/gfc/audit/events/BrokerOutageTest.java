package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.MetricsProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.StoppableKafka;

/**
 * Issue #3: events written while the broker is down are kept in the outbox and published
 * once it is back. The test runs against a broker of its own that it really stops.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.OwnBroker.class)
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BrokerOutageTest {

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableKafka.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gfc.outbox.max-backoff", "PT1S", "gfc.outbox.send-timeout", "PT3S");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedAfterItRestarts() {
        String resource = "outage-" + UUID.randomUUID();
        String before = publish(resource, "before");
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(before) == 1);

        double failedBefore = MetricsProbe.value("gfc_outbox_failed_batches_total");
        StoppableKafka.stopBroker();
        String during1 = publish(resource, "during-1");
        String during2 = publish(resource, "during-2");
        // The business transactions committed although Kafka is down; the rows wait in the outbox.
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(unsent(during1)).isTrue();
        assertThat(unsent(during2)).isTrue();
        assertThat(stored(during1)).isZero();
        // ... and on-call sees it on /q/metrics: a backlog that does not drain, failed batches counting up
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(MetricsProbe.value("gfc_outbox_backlog")).isGreaterThanOrEqualTo(2);
            assertThat(MetricsProbe.value("gfc_outbox_failed_batches_total")).isGreaterThan(failedBefore);
        });

        StoppableKafka.startBroker();
        await().atMost(Duration.ofSeconds(90)).until(() -> stored(during1) == 1 && stored(during2) == 1);
        assertThat(unsent(during1)).isFalse();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(MetricsProbe.value("gfc_outbox_backlog")).isZero();
            assertThat(MetricsProbe.value("gfc_outbox_oldest_unsent_seconds")).isZero();
            assertThat(MetricsProbe.value("gfc_events_consumed_total", "result=\"processed\"")).isGreaterThanOrEqualTo(3);
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("resourceId", resource))).isEqualTo(3);
    }

    private String publish(String resource, String action) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(KafkaProbe.auditTopic(), AuditEvents.byRatingService(resource, action)))
                .toString();
    }

    private boolean unsent(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em
                .createNativeQuery("SELECT sent_at IS NULL FROM outbox WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, id).getSingleResult());
    }

    private static long stored(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("eventId", eventId));
    }
}
