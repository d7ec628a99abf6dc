package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * Poison messages go to the dead-letter topic with their reason and the partition keeps
 * flowing. audit-service configures nothing for it: the dead-letter strategy, the topic
 * gfc.dlq.audit-service.v1 (a topic of the run's own in tests) and the group id are
 * service-kit's defaults for every incoming channel.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeadLetterTest {

    @Test
    void poisonMessagesAreDeadLetteredWithTheirReasonAndTheNextGoodOneIsStored() throws Exception {
        String dlq = AuditEvents.deadLetterTopic();
        String key = "poison-" + UUID.randomUUID();

        KafkaProbe.send(KafkaProbe.auditTopic(), key, AuditEvents.ce(AuditRecorded.TYPE), "{not json");
        String noActor = AuditEvents.json(AuditEvents.byRatingService(key, "x"))
                .replace("\"actorId\":\"citizen-" + key + "\",", "");
        KafkaProbe.send(KafkaProbe.auditTopic(), key, AuditEvents.ce(AuditRecorded.TYPE), noActor);
        String good = AuditEvents.send(key, AuditEvents.byRatingService(key, "good"));

        await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.stored(good) == 1);

        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(dlq, r -> key.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(r -> KafkaProbe.header(r, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("lacks actor"));
        assertThat(dead).extracting(ConsumerRecord::value).contains("{not json");
        // what a replay needs to send a record back where it came from, with its CloudEvent id
        assertThat(dead).allSatisfy(r -> {
            assertThat(KafkaProbe.header(r, "dead-letter-topic")).isEqualTo(KafkaProbe.auditTopic());
            assertThat(KafkaProbe.header(r, "dead-letter-partition")).isNotBlank();
            assertThat(KafkaProbe.header(r, "dead-letter-offset")).isNotBlank();
            assertThat(KafkaProbe.header(r, "ce_id")).isNotBlank();
        });

        // the channel consumes in the group the kit names for this run, not in one of another run
        String group = "audit-service-test-" + ConfigProvider.getConfig().getValue("gfc.test.run-id", String.class);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrap());
        try (Admin admin = Admin.create(p)) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(group)).all().get();
            assertThat(groups.get(group).members()).isNotEmpty();
            assertThat(groups.get(group).members()).allSatisfy(
                    m -> assertThat(m.assignment().topicPartitions()).allSatisfy(
                            tp -> assertThat(tp.topic()).isEqualTo(KafkaProbe.auditTopic())));
        }
    }
}
