package kz.gfc.rating.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;
import kz.gfc.rating.domain.Rating;
import kz.gfc.rating.events.RatingSubmitted;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RatingFlowTest {

    @Inject
    Pseudonymizer pseudonyms;

    private static String citizen() {
        return ServiceContract.token("citizen-7", "citizen");
    }

    @Test
    void R18_aVisitIsRatedOnceAndTheRatingIsPublishedAndAudited() {
        String visit = "visit-" + UUID.randomUUID();
        String body = "{\"visitId\":\"" + visit + "\",\"branchCode\":\"ALM-01\",\"serviceCode\":\"ID_CARD\",\"score\":5}";
        String location = given().auth().oauth2(citizen()).contentType(ContentType.JSON).body(body)
                .header("X-Correlation-Id", "corr-" + visit)
                .when().post("/api/v1/ratings").then()
                .statusCode(201)
                .body("visitId", equalTo(visit))
                .extract().header("Location");

        given().auth().oauth2(citizen()).contentType(ContentType.JSON).body(body)
                .header("Accept-Language", "kk")
                .when().post("/api/v1/ratings").then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/already-rated"))
                .body("userMessage", equalTo("Бұл қызмет көрсету бағаланып қойған"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Rating.count("visitId", visit))).isEqualTo(1);

        List<ConsumerRecord<String, String>> published = KafkaProbe.read(KafkaProbe.ownTopic(),
                r -> visit.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        assertThat(KafkaProbe.header(published.get(0), CloudEventHeaders.TYPE)).isEqualTo(RatingSubmitted.TYPE);
        assertThat(published.get(0).value()).contains("\"score\":5");

        // R21: both attempts are audited, the refused one as REJECTED, with the caller's correlation id.
        String ratingId = location.substring(location.lastIndexOf('/') + 1);
        List<ConsumerRecord<String, String>> audit = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains("citizen-7") && r.value().contains("/api/v1/ratings")
                        && (r.value().contains(ratingId) || r.value().contains("\"status\":409")),
                2, Duration.ofSeconds(30));
        assertThat(audit).extracting(ConsumerRecord::value)
                .anySatisfy(v -> assertThat(v).contains("\"outcome\":\"SUCCEEDED\"").contains("corr-" + visit)
                        .contains("RatingResource.rate"))
                .anySatisfy(v -> assertThat(v).contains("\"outcome\":\"REJECTED\""));
        // the draft the action's transaction wrote went out completed, in its own place: none is left to go out a second time
        assertThat(audit).hasSize(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) Rating.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM outbox WHERE held_until IS NOT NULL AND sent_at IS NULL").getSingleResult()).longValue()))
                .isZero();
    }

    @Test
    void R23_aCitizenWhoseLoginIsAnIinIsAuditedByPseudonymOnly() {
        String iin = SyntheticIins.random().value();
        String visit = "visit-" + UUID.randomUUID();
        given().auth().oauth2(ServiceContract.token(iin, "citizen")).contentType(ContentType.JSON)
                .body("{\"visitId\":\"" + visit + "\",\"branchCode\":\"SHY-01\",\"score\":4}")
                .when().post("/api/v1/ratings").then().statusCode(201);
        String expected = pseudonyms.pseudonym(Iin.of(iin));
        List<ConsumerRecord<String, String>> audit = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains(expected), 1, Duration.ofSeconds(30));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).value()).doesNotContain(iin);
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String visit = "bad-" + UUID.randomUUID();
        given().auth().oauth2(citizen()).contentType(ContentType.JSON)
                .body("{\"visitId\":\"" + visit + "\",\"branchCode\":\"ALM-01\",\"score\":9}")
                .when().post("/api/v1/ratings").then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/validation"))
                .body("errors.field", hasItem("score"));
        given().auth().oauth2(citizen()).contentType(ContentType.JSON).body("{\"visitId\": ")
                .when().post("/api/v1/ratings").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/malformed-json"));
        given().auth().oauth2(citizen()).contentType(ContentType.JSON)
                .body("{\"visitId\":\"" + visit + "\",\"branchCode\":\"ALM-01\",\"score\":\"five\"}")
                .when().post("/api/v1/ratings").then()
                .statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/validation"))
                .body("errors.field", hasItem("score"));
        given().auth().oauth2(citizen()).contentType(ContentType.TEXT).body("five stars")
                .when().post("/api/v1/ratings").then()
                .statusCode(415)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(citizen())
                .when().delete("/api/v1/ratings").then()
                .statusCode(405)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(citizen()).contentType(ContentType.JSON).body("null")
                .when().post("/api/v1/ratings").then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Rating.count("visitId", visit))).isZero();
    }
}
