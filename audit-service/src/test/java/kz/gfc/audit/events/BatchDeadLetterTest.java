package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.ChannelRegistry;
import kz.gfc.audit.domain.AuditLog;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.events.EventInbox;
import kz.gfc.kit.events.EventInbox.BatchOutcome;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.LogCapture;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * The audit channel is consumed a whole poll at a time, in one transaction. A poison line in
 * such a batch is dead-lettered alone: the batch's other lines are stored, each once, and the
 * chain stays whole. (A nack of the batch itself would dead-letter every line in it.)
 */
@QuarkusTest
@TestProfile(PausedChannel.class)
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BatchDeadLetterTest {

    @Inject
    ChannelRegistry channels;

    @Inject
    EventInbox inbox;

    @Inject
    AuditLog log;

    @Test
    void R21_aPoisonLineInABatchIsDeadLetteredAloneAndTheOthersAreStoredOnce() {
        var channel = channels.getPausable("audit-events");
        channel.pause();
        String key = "batch-poison-" + UUID.randomUUID();
        String first = AuditEvents.send(key, AuditEvents.byRatingService(key, "first"));
        Map<String, String> poison = AuditEvents.ce(AuditRecorded.TYPE);
        KafkaProbe.send(KafkaProbe.auditTopic(), key, poison, AuditEvents.json(AuditEvents.byRatingService(key, "x"))
                .replace("\"actorId\":\"citizen-" + key + "\",", ""));
        String second = AuditEvents.send(key, AuditEvents.byRatingService(key, "second"));
        // the first line delivered again, in the same poll as the original
        ConsumerRecord<String, String> original = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> first.equals(KafkaProbe.header(r, "ce_id")), 1, Duration.ofSeconds(10)).get(0);
        Map<String, String> headers = new java.util.HashMap<>();
        original.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        KafkaProbe.send(KafkaProbe.auditTopic(), key, headers, original.value());
        String third = AuditEvents.send(key, AuditEvents.byRatingService(key, "third"));
        double failedBefore = AuditEvents.consumed("failed");

        try (LogCapture logs = LogCapture.start()) {
            channel.resume();
            await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.stored(third) == 1);
            // the poison line came in a batch with others, which then went one by one
            // the log record holds either the formatted message or the template and its parameters
            Matcher fallback = Pattern.compile("a batch of (?:(\\d+)|%d) events from.*? failed(?:.*? \\| (\\d+) \\| )?")
                    .matcher(logs.text());
            assertThat(fallback.find()).as("the batch fell back to one transaction per line").isTrue();
            assertThat(Integer.parseInt(fallback.group(1) != null ? fallback.group(1) : fallback.group(2))).isGreaterThan(1);
        }

        assertThat(AuditEvents.stored(first)).isEqualTo(1);
        assertThat(AuditEvents.stored(second)).isEqualTo(1);
        assertThat(AuditEvents.stored(third)).isEqualTo(1);
        assertThat(AuditEvents.stored(poison.get("ce_id"))).isZero();
        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(AuditEvents.deadLetterTopic(),
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(KafkaProbe.header(dead.get(0), "ce_id")).isEqualTo(poison.get("ce_id"));
        assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).contains("lacks actor");
        assertThat(AuditEvents.consumed("failed")).isEqualTo(failedBefore + 1);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void theInboxReportsOnlyTheBadRecordsOfABatchAndStoresTheOthersOnceInOrder() {
        String key = "batch-inbox-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        ConsumerRecord<String, String> good = record(batch, key, AuditEvents.ce(AuditRecorded.TYPE),
                AuditEvents.json(AuditEvents.byRatingService(key, "good-1")));
        record(batch, key, AuditEvents.ce(AuditRecorded.TYPE), "{not json");
        record(batch, key, AuditEvents.ce(AuditRecorded.TYPE), AuditEvents.json(AuditEvents.byRatingService(key, "x"))
                .replace("\"actorId\":\"citizen-" + key + "\",", ""));
        ConsumerRecord<String, String> good2 = record(batch, key, AuditEvents.ce(AuditRecorded.TYPE),
                AuditEvents.json(AuditEvents.byRatingService(key, "good-2")));
        record(batch, key, AuditEvents.ce("kz.gfc.rating.something-new.v1"), "whatever");
        batch.add(good); // the same event twice in one batch

        BatchOutcome outcome = inbox.accept(batch);
        assertThat(outcome.failed()).containsOnlyKeys(1, 2);
        assertThat(outcome.failed().get(1)).hasMessageContaining("not JSON");
        assertThat(outcome.failed().get(2)).hasMessageContaining("lacks actor");
        assertThat(outcome.processed()).isEqualTo(2);
        assertThat(outcome.duplicates()).isEqualTo(1);
        assertThat(outcome.ignored()).isEqualTo(1);
        assertThat(AuditEvents.stored(KafkaProbe.header(good, "ce_id"))).isEqualTo(1);
        assertThat(AuditEvents.stored(KafkaProbe.header(good2, "ce_id"))).isEqualTo(1);

        // a batch without a bad record takes the one-transaction path: all of it again is a no-op
        List<ConsumerRecord<String, String>> again = List.of(good, good2);
        BatchOutcome redelivered = inbox.accept(again);
        assertThat(redelivered.processed()).isZero();
        assertThat(redelivered.duplicates()).isEqualTo(2);
        assertThat(redelivered.failed()).isEmpty();
        assertThat(AuditEvents.stored(KafkaProbe.header(good, "ce_id"))).isEqualTo(1);

        // and a fresh one in order after its predecessors: the chain verifies
        List<ConsumerRecord<String, String>> fresh = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            record(fresh, key, AuditEvents.ce(AuditRecorded.TYPE), AuditEvents.json(AuditEvents.byRatingService(key, "n" + i)));
        }
        assertThat(inbox.accept(fresh).processed()).isEqualTo(50);
        assertThat(log.verify().intact()).isTrue();
    }

    private static ConsumerRecord<String, String> record(List<ConsumerRecord<String, String>> batch, String key,
            Map<String, String> headers, String value) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(KafkaProbe.auditTopic(), 0, 1_000_000L + batch.size(), key,
                value);
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        batch.add(r);
        return r;
    }
}
