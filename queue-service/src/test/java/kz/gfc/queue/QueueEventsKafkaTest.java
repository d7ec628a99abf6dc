package kz.gfc.queue;

import static kz.gfc.queue.Queue.act;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.callNext;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.issue;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.signIn;
import static kz.gfc.queue.Queue.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** The queue's events on the real gfc.queue.v1, read by a real consumer: CloudEvent headers, no IIN in clear (R23). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class QueueEventsKafkaTest extends PinnedClock {

    private static final String TOPIC = "gfc.queue.v1";

    @Inject
    Pseudonymizer pseudonymizer;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void mondayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-16T11:00"));
    }

    @Test
    void ticketIssuedAndCompletedArriveAsCloudEventsWithAPseudonymAndNeverTheIin() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            String b = branch("REGULAR", "INTAKE");
            long w = window(b, 5, "INTAKE");
            String op = operator("op-kafka-" + System.nanoTime(), b);
            signIn(w, op, "Тестов Оператор");
            Iin iin = SyntheticIins.random();
            String id = issue(citizen("kafka-citizen"), b,
                    Map.of("category", "INTAKE", "channel", "MOBILE", "language", "kk", "iin", iin.value()))
                    .then().statusCode(201).extract().path("id");
            callNext(op, w).then().statusCode(200);
            clock.advanceMinutes(1);
            act(op, id, "start").then().statusCode(200);
            clock.advanceMinutes(12);
            act(op, id, "complete").then().statusCode(200);

            Map<String, ConsumerRecord<String, String>> byType = read(consumer, id, 3);
            ConsumerRecord<String, String> issued = byType.get("kz.gfc.ticket.issued.v1");
            assertThat(header(issued, "ce_id")).isNotBlank();
            assertThat(header(issued, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(issued, "ce_source")).isEqualTo("/gfc/queue-service");
            assertThat(header(issued, "ce_subject")).isEqualTo(id);
            assertThat(issued.key()).isEqualTo(id);
            JsonNode data = json.readTree(issued.value());
            assertThat(data.get("applicantPseudonym").asText()).isEqualTo(pseudonymizer.pseudonym(iin)).startsWith("p1:");
            assertThat(data.get("number").asText()).isEqualTo("A-001");
            assertThat(data.get("branchCode").asText()).isEqualTo(b);
            for (ConsumerRecord<String, String> r : byType.values()) {
                assertThat(r.value()).doesNotContain(iin.value());
            }

            JsonNode called = json.readTree(byType.get("kz.gfc.ticket.called.v1").value());
            assertThat(called.get("rule").asText()).isEqualTo("FIFO");
            assertThat(called.get("windowNumber").asInt()).isEqualTo(5);

            JsonNode completed = json.readTree(byType.get("kz.gfc.ticket.completed.v1").value());
            assertThat(completed.get("categoryCode").asText()).isEqualTo("INTAKE");
            assertThat(completed.get("windowNumber").asInt()).isEqualTo(5);
            assertThat(completed.get("operatorId").asText()).startsWith("op-kafka-");
            assertThat(completed.get("waitedSeconds").asLong()).isZero();
            assertThat(completed.get("servedSeconds").asLong()).isEqualTo(12 * 60);
            assertThat(completed.get("source").asText()).isEqualTo("ELECTRONIC");
        }
    }

    /** A consumer of its own (random group id), positioned at the topic's end before the test acts. */
    KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "queue-events-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        var infos = c.partitionsFor(TOPIC, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            c.subscribe(List.of(TOPIC)); // a new topic: read it from the start
        } else {
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(TOPIC, i.partition())).toList();
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position); // resolve the end offsets now, before the events are written
        }
        return c;
    }

    /** Polls until the ticket's events of {@code n} distinct types arrived; fails after a generous bound. */
    Map<String, ConsumerRecord<String, String>> read(KafkaConsumer<String, String> consumer, String ticketId, int n) {
        Map<String, ConsumerRecord<String, String>> byType = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (byType.size() < n) {
            if (System.nanoTime() > deadline) {
                fail("events for ticket " + ticketId + " did not arrive; got " + byType.keySet());
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                if (ticketId.equals(r.key())) {
                    byType.put(header(r, "ce_type"), r);
                }
            }
        }
        return byType;
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
