package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/** A producer may add event types to a topic: a consumer skips the ones it does not handle, and says so. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class UnknownEventTypeTest {

    @Test
    void anEventOfATypeNobodyHandlesIsSkippedAndCountedNotDeadLettered() {
        String key = "unknown-type-" + UUID.randomUUID();
        double ignoredBefore = AuditEvents.consumed("ignored");
        double failedBefore = AuditEvents.consumed("failed");

        // its data need not even be JSON: the type alone says it is not for this service
        KafkaProbe.send(KafkaProbe.auditTopic(), key, AuditEvents.ce("kz.gfc.rating.something-new.v1"),
                "rating r-1 as some other encoding");
        // same key, same partition: consumed after the unknown one
        String next = AuditEvents.send(key, AuditEvents.byRatingService(key, "after-a-new-type"));

        await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.stored(next) == 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(AuditEvents.consumed("ignored")).isEqualTo(ignoredBefore + 1));
        assertThat(AuditEvents.consumed("failed")).isEqualTo(failedBefore);
        assertThat(KafkaProbe.read(AuditEvents.deadLetterTopic(), r -> key.equals(r.key()), 0, Duration.ofSeconds(5)))
                .isEmpty();
    }
}
