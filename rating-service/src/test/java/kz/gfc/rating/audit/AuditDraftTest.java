package kz.gfc.rating.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.audit.AuditTrail;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/**
 * R21: a committed change is never left without its audit line, even when the instance dies
 * between the commit and the moment it would have completed the line. The "crash" is an
 * AuditTrail that never gets to its completing write; the draft the action's own
 * transaction wrote must reach the audit topic anyway, once its hold ends.
 */
@QuarkusTest
@TestProfile(AuditDraftTest.CrashAfterCommit.class)
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditDraftTest {

    public static class CrashAfterCommit implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(DiesBeforeAnswering.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gfc.audit.draft-hold", "PT1S");
        }
    }

    /** The instance stops after the action committed and before its audit line was completed. */
    @Alternative
    @ApplicationScoped
    public static class DiesBeforeAnswering extends AuditTrail {
        @Override
        protected void write(AuditRecorded event, UUID draft) {
            // nothing: the process is gone
        }
    }

    @Test
    void R21_aCommittedActionIsAuditedEvenIfTheInstanceDiesBeforeAnswering() {
        String visit = "crash-" + UUID.randomUUID();
        String citizen = "citizen-" + Long.toString(System.nanoTime(), 36); // no 12-digit run the audit would mask
        given().auth().oauth2(ServiceContract.token(citizen, "citizen")).contentType(ContentType.JSON)
                .header("X-Correlation-Id", "corr-" + visit)
                .body("{\"visitId\":\"" + visit + "\",\"branchCode\":\"ALM-01\",\"score\":3}")
                .when().post("/api/v1/ratings").then().statusCode(201);
        // a refused attempt committed nothing, so it leaves no draft: with the completing write gone, no line at all
        given().auth().oauth2(ServiceContract.token(citizen, "citizen")).contentType(ContentType.JSON)
                .body("{\"visitId\":\"" + visit + "\",\"branchCode\":\"ALM-01\",\"score\":3}")
                .when().post("/api/v1/ratings").then().statusCode(409);

        List<ConsumerRecord<String, String>> audit = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains(citizen), 1, Duration.ofSeconds(30));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).value())
                .contains("\"outcome\":\"COMMITTED\"")
                .contains("\"action\":\"RatingResource.rate\"")
                .contains("\"httpMethod\":\"POST\"")
                .contains("\"path\":\"/api/v1/ratings\"")
                .contains("\"correlationId\":\"corr-" + visit + "\"");
    }

    @Test
    void R21_theDraftBelongsToTheTransactionThatReallyCommits() {
        String visit = "retried-" + UUID.randomUUID();
        String citizen = "citizen-" + Long.toString(System.nanoTime(), 36);
        // the first transaction writes a draft and then fails in its own commit; the second commits
        given().auth().oauth2(ServiceContract.token(citizen, "citizen")).contentType(ContentType.JSON)
                .header("X-Correlation-Id", "corr-" + visit)
                .body("{\"visitId\":\"" + visit + "\",\"branchCode\":\"ALM-01\",\"score\":4}")
                .when().post("/api/v1/test-only/retried-ratings").then().statusCode(201);

        // the instance died before completing the line: the committed transaction's draft goes out, once
        List<ConsumerRecord<String, String>> audit = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains(citizen), 1, Duration.ofSeconds(30));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).value()).contains("\"outcome\":\"COMMITTED\"")
                .contains("\"action\":\"RetriedRatingResource.rate\"")
                .contains("\"correlationId\":\"corr-" + visit + "\"");
    }
}
