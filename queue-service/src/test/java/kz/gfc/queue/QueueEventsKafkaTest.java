package kz.gfc.queue;

import static kz.gfc.queue.Queue.act;
import static kz.gfc.queue.Queue.as;
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
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/** The queue's events on this run's copy of gfc.queue.v1, read by a real consumer: CloudEvent headers, no IIN in clear (R23). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class QueueEventsKafkaTest extends PinnedClock {

    private final String topic = KafkaProbe.ownTopic();

    @Inject
    Pseudonymizer pseudonymizer;

    @Inject
    ObjectMapper json;

    @Inject
    io.agroal.api.AgroalDataSource db;

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
            String id = issue(citizen("kafka-citizen", iin.value()), b,
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

    @Test
    void R12_aBookingIsPublishedWhenMadeCancelledOrCheckedInSoAnalystsCanCountMissedVisits() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            String b = branch("REGULAR", "INTAKE");
            Iin iin = SyntheticIins.random();
            String me = citizen("kafka-booker-" + System.nanoTime(), iin.value());
            String kept = R12BookingTest.book(me, b, "INTAKE", "2026-11-16T14:00:00+05:00", iin.value())
                    .then().statusCode(201).extract().path("id");
            Iin other = SyntheticIins.random();
            String someoneElse = citizen("kafka-booker-2-" + System.nanoTime(), other.value());
            String dropped = R12BookingTest.book(someoneElse, b, "INTAKE", "2026-11-17T10:00:00+05:00", other.value())
                    .then().statusCode(201).extract().path("id");
            as(someoneElse).delete("/api/v1/bookings/" + dropped).then().statusCode(200);
            clock.pinAlmaty(LocalDateTime.parse("2026-11-16T13:50"));
            String ticket = as(me).post("/api/v1/bookings/" + kept + "/check-in").then().statusCode(200)
                    .extract().path("ticket.id");

            var events = read(consumer, Map.of(kept, 2, dropped, 2));
            Map<String, ConsumerRecord<String, String>> keptEvents = events.get(kept);
            JsonNode made = json.readTree(keptEvents.get("kz.gfc.booking.made.v1").value());
            assertThat(made.get("applicantPseudonym").asText()).isEqualTo(pseudonymizer.pseudonym(iin));
            assertThat(made.get("slotStart").asText()).isEqualTo("2026-11-16T09:00:00Z");
            JsonNode checkedIn = json.readTree(keptEvents.get("kz.gfc.booking.checked-in.v1").value());
            assertThat(checkedIn.get("ticketId").asText()).isEqualTo(ticket);
            assertThat(checkedIn.get("late").asBoolean()).isFalse();

            Map<String, ConsumerRecord<String, String>> droppedEvents = events.get(dropped);
            assertThat(droppedEvents).containsKeys("kz.gfc.booking.made.v1", "kz.gfc.booking.cancelled.v1");
            for (ConsumerRecord<String, String> r : List.of(keptEvents.values(), droppedEvents.values()).stream()
                    .flatMap(java.util.Collection::stream).toList()) {
                assertThat(r.value()).doesNotContain(iin.value()).doesNotContain(other.value());
                assertThat(header(r, "ce_subject")).isEqualTo(r.key());
            }
        }
    }

    /**
     * One visit is one TicketCompleted, even when a transfer with return sends it through two
     * windows; the completion carries the application it produced; a transfer and a no-show are
     * events analysts can count.
     */
    @Test
    void R18_aTransferWithReturnCompletesOnceAndTransfersAndNoShowsArePublished() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            String b = branch("REGULAR", "INTAKE", "CONSULT");
            long w = window(b, 3, "INTAKE", "CONSULT");
            String op = operator("op-transfer-" + System.nanoTime(), b);
            signIn(w, op, "Тестов Оператор");
            String visit = Queue.walkIn(b, "INTAKE").jsonPath().getString("id");
            String absent = Queue.walkIn(b, "INTAKE").jsonPath().getString("id");

            callNext(op, w).then().statusCode(200).body("ticket.id", org.hamcrest.Matchers.equalTo(visit));
            act(op, visit, "start").then().statusCode(200);
            as(op).body(Map.of("category", "CONSULT", "returnAfter", true)).post("/api/v1/tickets/" + visit + "/transfer")
                    .then().statusCode(200);
            callNext(op, w).then().statusCode(200).body("ticket.id", org.hamcrest.Matchers.equalTo(visit));
            act(op, visit, "start").then().statusCode(200);
            as(op).body(Map.of("applicationId", "APP-2026-000777")).post("/api/v1/tickets/" + visit + "/complete")
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("WAITING"));
            callNext(op, w).then().statusCode(200).body("ticket.id", org.hamcrest.Matchers.equalTo(visit));
            act(op, visit, "start").then().statusCode(200);
            act(op, visit, "complete").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("COMPLETED"));

            callNext(op, w).then().statusCode(200).body("ticket.id", org.hamcrest.Matchers.equalTo(absent));
            act(op, absent, "recall").then().statusCode(200);
            act(op, absent, "recall").then().statusCode(200);
            act(op, absent, "no-show").then().statusCode(200);

            var events = read(consumer, Map.of(visit, 4, absent, 3));
            JsonNode transferred = json.readTree(events.get(visit).get("kz.gfc.ticket.transferred.v1").value());
            assertThat(transferred.get("fromCategory").asText()).isEqualTo("INTAKE");
            assertThat(transferred.get("toCategory").asText()).isEqualTo("CONSULT");
            assertThat(transferred.get("returnToCategory").asText()).isEqualTo("INTAKE");
            JsonNode completed = json.readTree(events.get(visit).get("kz.gfc.ticket.completed.v1").value());
            assertThat(completed.get("applicationId").asText()).isEqualTo("APP-2026-000777");
            assertThat(completed.get("categoryCode").asText()).isEqualTo("INTAKE");
            JsonNode noShow = json.readTree(events.get(absent).get("kz.gfc.ticket.no-show.v1").value());
            assertThat(noShow.get("recalls").asInt()).isEqualTo(2);
            assertThat(noShow.get("number").asText()).isEqualTo("A-002");

            try (var c = db.getConnection(); var ps = c.prepareStatement(
                    "SELECT count(*) FROM outbox WHERE msg_key = ? AND type = 'kz.gfc.ticket.completed.v1'")) {
                ps.setString(1, visit);
                try (var r = ps.executeQuery()) {
                    r.next();
                    assertThat(r.getInt(1)).as("one visit, one TicketCompleted").isEqualTo(1);
                }
            }
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
        var infos = c.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            c.subscribe(List.of(topic)); // a new topic: read it from the start
        } else {
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position); // resolve the end offsets now, before the events are written
        }
        return c;
    }

    /** Polls until the ticket's events of {@code n} distinct types arrived; fails after a generous bound. */
    Map<String, ConsumerRecord<String, String>> read(KafkaConsumer<String, String> consumer, String ticketId, int n) {
        return read(consumer, Map.of(ticketId, n)).get(ticketId);
    }

    /** Polls until each aggregate's events of the given number of distinct types arrived: by key, then by type. */
    Map<String, Map<String, ConsumerRecord<String, String>>> read(KafkaConsumer<String, String> consumer,
            Map<String, Integer> expected) {
        Map<String, Map<String, ConsumerRecord<String, String>>> byKey = new HashMap<>();
        expected.keySet().forEach(k -> byKey.put(k, new HashMap<>()));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (expected.entrySet().stream().anyMatch(e -> byKey.get(e.getKey()).size() < e.getValue())) {
            if (System.nanoTime() > deadline) {
                fail("events did not arrive; got " + byKey);
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                if (byKey.containsKey(r.key())) {
                    byKey.get(r.key()).put(header(r, "ce_type"), r);
                }
            }
        }
        return byKey;
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
