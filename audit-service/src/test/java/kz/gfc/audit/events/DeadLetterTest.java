package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/** Issue #3: poison messages go to the dead-letter topic with their reason; the partition keeps flowing. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeadLetterTest {

    final String deadLetterTopic = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("mp.messaging.incoming.audit-events.dead-letter-queue.topic", String.class);

    @Test
    void poisonMessagesAreDeadLetteredWithTheirReasonAndTheNextGoodOneIsStored() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        KafkaProbe.send(KafkaProbe.auditTopic(), key, ce(AuditRecorded.TYPE), "{not json");
        KafkaProbe.send(KafkaProbe.auditTopic(), key, ce("kz.gfc.nobody.handles-this.v1"), "{}");
        AuditRecorded withoutActor = AuditEvents.byRatingService(key, "x");
        String noActor = json.writeValueAsString(withoutActor).replace("\"actorId\":\"citizen-" + key + "\",", "");
        KafkaProbe.send(KafkaProbe.auditTopic(), key, ce(AuditRecorded.TYPE), noActor);

        Map<String, String> goodHeaders = ce(AuditRecorded.TYPE);
        KafkaProbe.send(KafkaProbe.auditTopic(), key, goodHeaders,
                json.writeValueAsString(AuditEvents.byRatingService(key, "good")));

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> AuditRecord.count("eventId", goodHeaders.get("ce_id"))) == 1);

        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(deadLetterTopic, r -> key.equals(r.key()), 3,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(3);
        assertThat(dead).extracting(r -> KafkaProbe.header(r, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("no handler for event type kz.gfc.nobody.handles-this.v1"))
                .anySatisfy(reason -> assertThat(reason).contains("lacks actor"));
        assertThat(dead).extracting(ConsumerRecord::value).contains("{not json");
    }

    private static Map<String, String> ce(String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/gfc/test", "content-type", "application/json");
    }
}
