package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * A valid event whose transaction fails because of the database is retried until the
 * database lets it through — processed once, never dead-lettered — even when that takes
 * longer than the minute after which the Kafka connector's default commit strategy would
 * close the consumer.
 */
@QuarkusTest
@TestProfile(DatabaseOutageRetryTest.ShortLockTimeout.class)
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DatabaseOutageRetryTest {

    /** The consumer's connections give up on a row lock after 300 ms (SQLState 55P03), as under lock contention in production. */
    public static class ShortLockTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.options", "-c lock_timeout=300",
                    "gfc.inbox.retry.initial", "PT0.1S", "gfc.inbox.retry.max-delay", "PT1S");
        }
    }

    static final Duration OUTAGE = Duration.ofSeconds(70);

    @Test
    void anEventBlockedByTheDatabaseIsRetriedUntilItPassesAndNeverDeadLettered() throws Exception {
        String key = "db-outage-" + UUID.randomUUID();
        double retriedBefore = AuditEvents.consumed("retried");
        double failedBefore = AuditEvents.consumed("failed");
        String blocked;

        // Another session holds the audit chain's head row, which every append locks.
        Config config = ConfigProvider.getConfig();
        try (Connection holder = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("SELECT 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            long since = System.nanoTime();

            blocked = AuditEvents.send(key, AuditEvents.byRatingService(key, "while-the-head-is-locked"));
            // the consumer times out on the lock and tries again; on-call sees it counting
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(AuditEvents.consumed("retried")).isGreaterThan(retriedBefore + 3));
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - since).toMillis()));
            assertThat(AuditEvents.stored(blocked)).isZero();
            holder.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.stored(blocked) == 1);
        // the channel still consumes: the next event goes through
        String next = AuditEvents.send(key, AuditEvents.byRatingService(key, "after-the-outage"));
        await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.stored(next) == 1);

        assertThat(AuditEvents.stored(blocked)).isEqualTo(1);
        assertThat(AuditEvents.consumed("failed")).isEqualTo(failedBefore);
        assertThat(KafkaProbe.read(AuditEvents.deadLetterTopic(), r -> key.equals(r.key()), 0, Duration.ofSeconds(5)))
                .isEmpty();
    }
}
