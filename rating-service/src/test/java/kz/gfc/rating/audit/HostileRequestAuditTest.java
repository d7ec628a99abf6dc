package kz.gfc.rating.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/**
 * R21: a real action sent with hostile headers and paths still gets exactly one audit line, and
 * that line is well formed: the path is the route's template and the id the resource's, every
 * value fits audit-service's columns, and the client address is an IP literal or nothing. (The
 * test client is on loopback, which is where the default configuration expects the gateway.)
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HostileRequestAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String citizen = "citizen-" + Long.toString(System.nanoTime(), 36);

    @Test
    void R21_aRatingSentWithHostileHeadersIsAuditedOnceByItsRouteAndId() throws Exception {
        String visit = "hostile-" + UUID.randomUUID();
        Response rated = given().auth().oauth2(ServiceContract.token(citizen, "citizen")).contentType(ContentType.JSON)
                .header("X-Forwarded-For", "a".repeat(150))
                .header("X-Correlation-Id", "c".repeat(300))
                .body("{\"visitId\":\"" + visit + "\",\"branchCode\":\"ALM-01\",\"score\":4}")
                .when().post("/api/v1/ratings");
        assertThat(rated.statusCode()).isEqualTo(201);
        String ratingId = rated.header("Location").substring(rated.header("Location").lastIndexOf('/') + 1);

        JsonNode line = theOneLine(rated.header("X-Correlation-Id"));
        assertThat(line.path("path").asText()).isEqualTo("/api/v1/ratings");
        assertThat(line.path("resourceType").asText()).isEqualTo("ratings");
        assertThat(line.path("resourceId").asText()).isEqualTo(ratingId);
        assertThat(line.path("action").asText()).isEqualTo("RatingResource.rate");
        assertThat(line.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(line.path("clientAddress").isNull()).as("150 letters are no address").isTrue();
    }

    @Test
    void R21_aLongOrIinBearingPathIsAuditedOnceAndBounded() throws Exception {
        String token = ServiceContract.token(citizen, "citizen");
        String iin = SyntheticIins.random().value();
        Response longPath = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .header("X-Forwarded-For", "6.6.6.6, 1.2.3.4")
                .when().post("/api/v1/ratings/" + "x".repeat(2000));
        Response iinPath = given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .header("X-Forwarded-For", "<script>")
                .header("X-Correlation-Id", "cid-" + iin)
                .when().post("/api/v1/ratings/" + iin + "/" + iin);
        assertThat(longPath.statusCode()).isBetween(400, 499);
        assertThat(iinPath.statusCode()).isBetween(400, 499);

        JsonNode l = theOneLine(longPath.header("X-Correlation-Id"));
        assertThat(l.path("path").asText()).startsWith("/api/v1/ratings/xxx").hasSizeLessThanOrEqualTo(200);
        assertThat(l.path("resourceId").asText()).startsWith("xxx").hasSizeLessThanOrEqualTo(200);
        assertThat(l.path("outcome").asText()).isEqualTo("REJECTED");
        // the trusted gateway's first address (the real gateway sends only one)
        assertThat(l.path("clientAddress").asText()).isEqualTo("6.6.6.6");

        // a given correlation id holding an IIN is not taken: every log line would carry it
        assertThat(iinPath.header("X-Correlation-Id")).doesNotContain(iin).doesNotContainPattern("\\d{12}");
        JsonNode i = theOneLine(iinPath.header("X-Correlation-Id"));
        assertThat(i.toString()).doesNotContain(iin).doesNotContainPattern("\\d{12}");
        assertThat(i.path("clientAddress").isNull()).isTrue();
    }

    /** The line of the request with this correlation id on the run's audit topic, checked to be the only one and well formed. */
    private JsonNode theOneLine(String correlationId) throws Exception {
        assertThat(correlationId).hasSizeLessThanOrEqualTo(64);
        List<ConsumerRecord<String, String>> lines = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains("\"correlationId\":\"" + correlationId + "\""), 1, Duration.ofSeconds(30));
        assertThat(lines).as("lines of request %s", correlationId).hasSize(1);
        assertThat(lines.get(0).key()).hasSizeLessThanOrEqualTo(200);
        JsonNode line = JSON.readTree(lines.get(0).value());
        assertThat(line.path("actorId").asText()).isEqualTo(citizen);
        assertThat(line.path("path").asText()).hasSizeLessThanOrEqualTo(1000);
        assertThat(line.path("action").asText()).hasSizeLessThanOrEqualTo(300);
        assertThat(line.path("resourceType").asText()).hasSizeLessThanOrEqualTo(100);
        assertThat(line.path("resourceId").asText()).hasSizeLessThanOrEqualTo(200);
        assertThat(line.path("clientAddress").asText()).hasSizeLessThanOrEqualTo(45);
        return line;
    }
}
