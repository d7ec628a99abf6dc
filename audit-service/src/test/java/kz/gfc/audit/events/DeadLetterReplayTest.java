package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.events.DeadLetterReplay;
import kz.gfc.kit.events.DeadLetterReplay.Options;
import kz.gfc.kit.events.DeadLetterReplay.Replayed;
import kz.gfc.kit.events.DeadLetterReplay.Report;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * After the cause of a dead letter is fixed, the replay (what deploy/local/dlq-replay.sh
 * runs) puts it back on its topic as it was, it is processed once, and a second run does not
 * send it again.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeadLetterReplayTest {

    @Inject
    EntityManager em;

    @Test
    void aDeadLetterIsReplayedAfterTheFixProcessedOnceAndNotReplayedTwice() {
        Instant start = Instant.now().minusSeconds(1);
        String key = "replay-" + UUID.randomUUID();
        // A rule of the database refuses this line (a check violation): no retry fixes it, so it
        // is dead-lettered. The fix is a migration that lifts the rule.
        String poison = "RatingResource.rate/poison-" + key;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "ALTER TABLE audit_record ADD CONSTRAINT replay_test_rule CHECK (action <> '" + poison + "')")
                .executeUpdate());
        String id = AuditEvents.send(key, AuditEvents.byRatingService(key, poison));
        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(AuditEvents.deadLetterTopic(),
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).isNotBlank();
        assertThat(AuditEvents.stored(id)).isZero();

        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("ALTER TABLE audit_record DROP CONSTRAINT replay_test_rule").executeUpdate());

        Options options = Options.forService(KafkaProbe.bootstrap(), "audit-service")
                .topic(AuditEvents.deadLetterTopic()).since(start).types(Set.of(AuditRecorded.TYPE));
        Report dry = DeadLetterReplay.run(options.dryRun(true), quiet());
        assertThat(dry.replayed()).extracting(Replayed::eventId).containsExactly(id);

        Report first = DeadLetterReplay.run(options, quiet());
        assertThat(first.replayed()).extracting(Replayed::eventId).containsExactly(id);
        assertThat(first.replayed().get(0).topic()).isEqualTo(KafkaProbe.auditTopic());
        await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.stored(id) == 1);

        Report second = DeadLetterReplay.run(options, quiet());
        assertThat(second.replayed()).isEmpty();

        // What went back is the record as its producer sent it: same key, same CloudEvent, no dead-letter headers.
        List<ConsumerRecord<String, String>> onTopic = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> id.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), 2, Duration.ofSeconds(20));
        assertThat(onTopic).hasSize(2);
        ConsumerRecord<String, String> replayed = onTopic.get(1);
        assertThat(replayed.key()).isEqualTo(key);
        assertThat(replayed.value()).isEqualTo(onTopic.get(0).value());
        assertThat(KafkaProbe.header(replayed, CloudEventHeaders.TYPE)).isEqualTo(AuditRecorded.TYPE);
        assertThat(replayed.headers()).noneMatch(h -> h.key().startsWith("dead-letter-"));

        // Replaying what was processed already (here on purpose, from the beginning) changes nothing.
        double duplicatesBefore = AuditEvents.consumed("duplicate");
        Report again = DeadLetterReplay.run(options.fromBeginning(true), quiet());
        assertThat(again.replayed()).extracting(Replayed::eventId).containsExactly(id);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(AuditEvents.consumed("duplicate")).isEqualTo(duplicatesBefore + 1));
        assertThat(AuditEvents.stored(id)).isEqualTo(1);
    }

    private static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }
}
