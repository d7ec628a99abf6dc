package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * Issue #3: an event written through the outbox reaches the consumer exactly once, even
 * when Kafka delivers it twice; a rolled-back transaction publishes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxToConsumerTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void anOutboxEventIsStoredOnceEvenWhenKafkaDeliversItTwice() {
        String resource = "r-" + UUID.randomUUID();
        String eventId = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(KafkaProbe.auditTopic(), AuditEvents.byRatingService(resource, "RatingResource.rate")))
                .toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(eventId) == 1);

        // What the relay published, with its CloudEvent headers in binary mode.
        List<ConsumerRecord<String, String>> published = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> eventId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), 1, Duration.ofSeconds(20));
        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> original = published.get(0);
        assertThat(KafkaProbe.header(original, CloudEventHeaders.TYPE)).isEqualTo(AuditRecorded.TYPE);
        assertThat(KafkaProbe.header(original, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaProbe.header(original, CloudEventHeaders.SOURCE)).isEqualTo("/gfc/audit-service");
        assertThat(original.key()).isEqualTo("ratings:" + resource);

        // Redeliver the very same message, then a marker on the same key (same partition, so after it).
        Map<String, String> headers = new HashMap<>();
        original.headers().forEach(h -> headers.put(h.key(), new String(h.value())));
        KafkaProbe.send(KafkaProbe.auditTopic(), original.key(), headers, original.value());
        String markerId = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(KafkaProbe.auditTopic(), AuditEvents.byRatingService(resource, "marker")))
                .toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(markerId) == 1);

        assertThat(stored(eventId)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("resourceId", resource)))
                .isEqualTo(2);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String resource = "rb-" + UUID.randomUUID();
        String[] rolledBack = new String[1];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                rolledBack[0] = outbox.publish(KafkaProbe.auditTopic(),
                        AuditEvents.byRatingService(resource, "rolled-back")).toString();
                throw new IllegalStateException("the business change failed after the event was written");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(rolledBack[0]).isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT count(*) FROM outbox WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, rolledBack[0]).getSingleResult()))
                .isEqualTo(0L);

        String markerId = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(KafkaProbe.auditTopic(), AuditEvents.byRatingService(resource, "marker")))
                .toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(markerId) == 1);
        assertThat(stored(rolledBack[0])).isZero();
        assertThat(KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> rolledBack[0].equals(KafkaProbe.header(r, CloudEventHeaders.ID)), 0, Duration.ofSeconds(5)))
                .isEmpty();
    }

    private static long stored(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("eventId", eventId));
    }
}
