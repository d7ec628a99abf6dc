package kz.gfc.audit.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/**
 * R21: no value in a line can keep it out of the audit log. A line longer than the columns, from
 * any producer, is stored with each value cut to its column and marked with a digest of the
 * whole, instead of being refused by PostgreSQL and dead-lettered (the action done, its line gone).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditLineBoundsTest {

    @Test
    void R21_aLineFromAnyProducerIsStoredWithEachValueCutToItsColumn() throws Exception {
        String key = "long-" + UUID.randomUUID();
        String resourceId = key + "-" + "r".repeat(2000);
        String path = "/api/v1/ratings/" + "p".repeat(5000);
        // NUL and an unpaired surrogate (escaped in the JSON, as any producer may send them):
        // PostgreSQL refuses the first, and would store the second as '?', breaking the chain
        String actor = "actor-" + key + "\u0000@@" + "a".repeat(500);
        ObjectNode line = new ObjectMapper().createObjectNode()
                .put("auditId", UUID.randomUUID().toString())
                .put("service", "s".repeat(300))
                .put("actorId", actor)
                .put("action", "A".repeat(1000))
                .put("httpMethod", "PROPPATCHEDANDMORE")
                .put("path", path)
                .put("resourceType", "t".repeat(300))
                .put("resourceId", resourceId)
                .put("outcome", "SUCCEEDED-" + "x".repeat(40))
                .put("status", 201)
                .put("occurredAt", Instant.now().toString())
                .put("correlationId", "c".repeat(300))
                .put("clientAddress", "z".repeat(150));
        var roles = line.putArray("actorRoles");
        IntStream.range(0, 100).forEach(i -> roles.add("role-" + i + "-" + "q".repeat(20)));

        String eventId = UUID.randomUUID().toString();
        KafkaProbe.send(KafkaProbe.auditTopic(), key, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", AuditRecorded.TYPE, "ce_source", "/gfc/some-producer", "content-type", "application/json"),
                line.toString().replace("@@", "\\ud800"));

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(eventId) != null);
        AuditRecord r = stored(eventId);
        assertThat(r.service).hasSize(AuditRecord.SERVICE);
        assertThat(r.actorId).hasSizeLessThanOrEqualTo(AuditRecord.ACTOR_ID).startsWith("actor-" + key + "\ufffd\ufffd")
                .doesNotContain("\u0000");
        assertThat(r.actorRoles).hasSizeLessThanOrEqualTo(AuditRecord.ACTOR_ROLES).startsWith("role-0-");
        assertThat(r.action).hasSize(AuditRecord.ACTION);
        assertThat(r.httpMethod).hasSize(AuditRecord.HTTP_METHOD);
        assertThat(r.path).hasSize(AuditRecord.PATH).startsWith("/api/v1/ratings/ppp");
        assertThat(r.resourceType).hasSize(AuditRecord.RESOURCE_TYPE);
        assertThat(r.outcome).hasSize(AuditRecord.OUTCOME);
        assertThat(r.correlationId).hasSize(AuditRecord.CORRELATION_ID);
        // the cut value is the start of the original, then '~' and the start of the original's SHA-256
        assertThat(r.resourceId).hasSize(AuditRecord.RESOURCE_ID)
                .isEqualTo(resourceId.substring(0, AuditRecord.RESOURCE_ID - 17) + "~" + sha256(resourceId).substring(0, 16));
        assertThat(r.path).endsWith("~" + sha256(path).substring(0, 16));
        assertThat(r.clientAddress).as("150 letters are not an address").isNull();

        // stored as hashed: the chain still verifies with it
        given().auth().oauth2(ServiceContract.token("auditor-1", "auditor")).when().get("/api/v1/audit/verify").then()
                .statusCode(200).body("intact", equalTo(true));
        assertThat(KafkaProbe.read(AuditEvents.deadLetterTopic(), rec -> key.equals(rec.key()), 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void R21_aLineIsBoundedWhenItIsBuiltSoItsOwnProducerCanPublishIt() {
        List<String> manyRoles = new ArrayList<>();
        IntStream.range(0, 200).forEach(i -> manyRoles.add("role-" + i));
        AuditRecorded a = new AuditRecorded("id", "rating-service", "a".repeat(1000), manyRoles, "x".repeat(1000), "M".repeat(50),
                "/api/" + "p".repeat(3000), "t".repeat(500), "r".repeat(3000), "SUCCEEDED", 201, Instant.now(),
                "c".repeat(100), "6.6.6.6, 1.2.3.4");
        assertThat(a.actorId()).hasSize(AuditRecorded.MAX_ACTOR_ID);
        assertThat(String.join(",", a.actorRoles())).hasSizeLessThanOrEqualTo(AuditRecorded.MAX_ROLES)
                .endsWith(",~" + (200 - a.actorRoles().size() + 1) + " more");
        assertThat(a.action()).hasSize(AuditRecorded.MAX_ACTION);
        assertThat(a.httpMethod()).hasSize(AuditRecorded.MAX_HTTP_METHOD);
        assertThat(a.path()).hasSize(AuditRecorded.MAX_PATH);
        assertThat(a.resourceType()).hasSize(AuditRecorded.MAX_RESOURCE_TYPE);
        assertThat(a.resourceId()).hasSize(AuditRecorded.MAX_RESOURCE_ID);
        assertThat(a.correlationId()).hasSize(AuditRecorded.MAX_CORRELATION_ID);
        assertThat(a.clientAddress()).as("a list is not an address").isNull();
        // the Kafka key and the outbox's msg_key column
        assertThat(a.aggregateId()).hasSize(AuditRecorded.MAX_KEY);
        assertThat(new AuditRecorded("id", "s", "a", List.of(), "x", "POST", "/p", "t", "r", "SUCCEEDED", 201,
                Instant.now(), "c", "::ffff:10.1.2.3").clientAddress()).isEqualTo("10.1.2.3");
        assertThat(new AuditRecorded("id", "s", "a", List.of(), "x", "POST", "/p", "t", "r", "SUCCEEDED", 201,
                Instant.now(), "c", "2001:db8:0:0:0:0:0:1").clientAddress()).isEqualTo("2001:db8::1");
    }

    private static AuditRecord stored(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditRecord.<AuditRecord>find("eventId", eventId).firstResult());
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
