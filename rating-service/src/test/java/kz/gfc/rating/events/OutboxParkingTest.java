package kz.gfc.rating.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.events.OutboxConfig;
import kz.gfc.kit.events.OutboxRelay;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.MetricsProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/**
 * A record the broker will never accept — here one larger than the producer's
 * max.request.size, in the middle of a batch — neither stops the service's other events
 * nor makes the relay re-send the rest of its batch: the other key's rows go out once, the
 * rows of its own key wait behind it, and after gfc.outbox.park-after attempts it is parked,
 * where on-call sees it ({@code gfc_outbox_parked}, {@code GET /ops/outbox/parked}) and
 * discards or retries it; then its key's rows flow, in order, each exactly once.
 *
 * <p>The test drives the relay's passes itself, with its loop paused.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxParkingTest {

    private static final String TYPE = "kz.gfc.test.numbered.v1";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    String topic;
    String poisonKey;
    String otherKey;

    @BeforeEach
    void twoKeysWithAnOversizedRecordOnOne() {
        relay.pause(true);
        topic = "gfc.test.parking." + UUID.randomUUID();
        poisonKey = "agg-poison-" + UUID.randomUUID();
        otherKey = "agg-other-" + UUID.randomUUID();
        KafkaProbe.createTopic(topic, 2);
    }

    @AfterEach
    void resume() {
        relay.pause(false);
    }

    @Test
    void aRecordTheBrokerRefusesIsParkedAndDiscardedWhileTheOtherEventsFlow() throws Exception {
        long poison = writeBatchWithPoisonAt(2);

        // First pass: every row of the other key and the poison key's rows before it go out;
        // the poison fails at once and its key's later rows are not sent behind it.
        assertThat(relay.relayBatch()).isEqualTo(7);
        assertThat(attempts(poison)).isEqualTo(1);
        assertThat(lastError(poison)).startsWith("RecordTooLargeException");
        assertThat(unsentNumbers(poisonKey)).containsExactly(2, 3, 4);
        assertThat(unsentNumbers(otherKey)).isEmpty();

        // Each further pass tries the poison again and sends nothing else: nothing is re-sent.
        for (int attempt = 2; attempt <= config.parkAfter(); attempt++) {
            assertThat(relay.relayBatch()).isZero();
        }
        assertThat(parked(poison)).isTrue();
        assertThat(relay.relayBatch()).as("a parked row is left alone, and so is its key").isZero();
        assertThat(attempts(poison)).isEqualTo(config.parkAfter());
        assertThat(unsentNumbers(poisonKey)).containsExactly(2, 3, 4);

        // What the engineer on call sees.
        assertThat(MetricsProbe.value("gfc_outbox_parked")).isEqualTo(1.0);
        assertThat(MetricsProbe.value("gfc_outbox_backlog")).as("the backlog leaves the parked row out")
                .isEqualTo(queued());
        given().when().get("/ops/outbox/parked").then().statusCode(401);
        given().auth().oauth2(ServiceContract.token("op", "operator")).when().get("/ops/outbox/parked").then()
                .statusCode(403);
        given().auth().oauth2(admin()).when().get("/ops/outbox/parked").then().statusCode(200)
                .body("find { it.seq == " + poison + " }.topic", equalTo(topic))
                .body("find { it.seq == " + poison + " }.attempts", equalTo(config.parkAfter()))
                .body("find { it.seq == " + poison + " }.waitingBehind", equalTo(2))
                .body("find { it.seq == " + poison + " }.lastError", startsWith("RecordTooLargeException"));
        given().auth().oauth2(admin()).when().post("/ops/outbox/parked/" + Long.MAX_VALUE + "/discard").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(admin()).when().post("/ops/outbox/parked/" + Long.MAX_VALUE + "/retry").then()
                .statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(admin()).when().post("/ops/outbox/parked/" + poison + "/discard").then().statusCode(200)
                .body("seq", equalTo((int) poison)).body("discardedAt", notNullValue());
        given().auth().oauth2(admin()).when().post("/ops/outbox/parked/" + poison + "/discard").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("outbox-row-not-parked"));
        assertThat(MetricsProbe.value("gfc_outbox_parked")).isZero();

        assertThat(relay.relayBatch()).isEqualTo(2);
        assertThat(relay.relayBatch()).isZero();
        assertThat(discarded(poison)).as("a discarded row stays recognisable").isTrue();

        Map<String, List<Integer>> received = receivedByKey(9);
        assertThat(received.get(otherKey)).containsExactly(0, 1, 2, 3, 4);
        assertThat(received.get(poisonKey)).containsExactly(0, 1, 3, 4);
    }

    @Test
    void aParkedRowRetriedOnceItsCauseIsFixedGoesOutBeforeTheRowsThatWaitedBehindIt() throws Exception {
        long poison = writeBatchWithPoisonAt(2);
        relay.relayBatch();
        for (int attempt = 2; attempt <= config.parkAfter(); attempt++) {
            relay.relayBatch();
        }
        assertThat(parked(poison)).isTrue();

        // Stands in for the fix (a raised size limit, a created topic, a granted ACL): the record now fits.
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("UPDATE outbox SET payload = ?2 WHERE seq = ?1").setParameter(1, poison)
                .setParameter(2, "{\"n\":2}").executeUpdate());
        given().auth().oauth2(admin()).when().post("/ops/outbox/parked/" + poison + "/retry").then().statusCode(200)
                .body("parkedAt", nullValue()).body("attempts", equalTo(0));
        assertThat(MetricsProbe.value("gfc_outbox_parked")).isZero();

        assertThat(relay.relayBatch()).isEqualTo(3);
        assertThat(relay.relayBatch()).isZero();

        Map<String, List<Integer>> received = receivedByKey(10);
        assertThat(received.get(otherKey)).containsExactly(0, 1, 2, 3, 4);
        assertThat(received.get(poisonKey)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void theOnCallEndpointsAreDocumentedWithTheirSecurityAndProblems() {
        String discard = "paths.'/ops/outbox/parked/{seq}/discard'.post";
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/ops/outbox/parked'.get.security[0]", hasKey("bearer"))
                .body(discard + ".security[0]", hasKey("bearer"))
                .body(discard + ".responses.'404'.content", hasKey("application/problem+json"))
                .body("paths.'/ops/outbox/parked/{seq}/retry'.post.responses.'404'.content", hasKey("application/problem+json"));
    }

    /** Rows 0..4 of each key, interleaved; the poison key's row {@code at} is larger than the producer may send. */
    private long writeBatchWithPoisonAt(int at) {
        int limit = Integer.parseInt(relay.producerProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG).toString());
        List<UUID> poison = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < 5; n++) {
                Map<String, Object> data = new HashMap<>(Map.of("n", n));
                if (n == at) {
                    data.put("padding", "x".repeat(limit + 1_000));
                    poison.add(outbox.publish(topic, TYPE, poisonKey, data));
                } else {
                    outbox.publish(topic, TYPE, poisonKey, data);
                }
                outbox.publish(topic, TYPE, otherKey, Map.of("n", n));
            }
        });
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT seq FROM outbox WHERE id = ?1").setParameter(1, poison.get(0))
                .getSingleResult()).longValue());
    }

    /** Every record of the topic by key, in the order the broker holds them; each id at most once. */
    private Map<String, List<Integer>> receivedByKey(int expected) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.read(topic, r -> true, expected, Duration.ofSeconds(60));
        assertThat(records).hasSize(expected);
        assertThat(records.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).distinct()).hasSize(expected);
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(Integer.parseInt(r.value().replaceAll(".*\"n\":(\\d+).*", "$1")));
        }
        return byKey;
    }

    private static String admin() {
        return ServiceContract.token("on-call", "admin");
    }

    private List<Integer> unsentNumbers(String key) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT CAST(CAST(payload AS jsonb) ->> 'n' AS int) FROM outbox
                WHERE topic = ?1 AND msg_key = ?2 AND sent_at IS NULL AND discarded_at IS NULL ORDER BY seq""", Integer.class)
                .setParameter(1, topic).setParameter(2, key).getResultList());
    }

    private Object column(long seq, String expression) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT " + expression + " FROM outbox WHERE seq = ?1").setParameter(1, seq)
                .getSingleResult());
    }

    private int attempts(long seq) {
        return ((Number) column(seq, "attempts")).intValue();
    }

    private String lastError(long seq) {
        return (String) column(seq, "last_error");
    }

    private boolean parked(long seq) {
        return (Boolean) column(seq, "parked_at IS NOT NULL AND sent_at IS NULL");
    }

    private boolean discarded(long seq) {
        return (Boolean) column(seq, "discarded_at IS NOT NULL AND sent_at IS NULL");
    }

    private double queued() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL AND discarded_at IS NULL")
                .getSingleResult()).doubleValue());
    }
}
