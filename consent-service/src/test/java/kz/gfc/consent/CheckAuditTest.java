package kz.gfc.consent;

import static kz.gfc.consent.Consents.MVD;
import static kz.gfc.consent.Consents.grantBySms;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * R21 without a second copy: an allowed check is recorded once, in the access log, in the
 * check's own statement; the kit's audit trail adds no line for it (a copy through Kafka cost
 * more than the check). A refused call — malformed, or a check that found no consent — is still
 * an audit line, since it is what an auditor looks for.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CheckAuditTest extends PinnedClock {

    @Test
    void R21_anAllowedCheckIsInTheAccessLogNotCopiedToTheAuditTrailWhileARefusedCallIsAudited() {
        Iin iin = SyntheticIins.random();
        String run = Long.toString(System.nanoTime(), 36);
        String purpose = "AUDIT-" + run;
        grantBySms(iin, terms("MVD", purpose, "PERSONAL_DATA"));
        checkAs("allowed-" + run, iin.value(), purpose).then().statusCode(200).body("allowed", equalTo(true));
        // refused: someone else's data, for which nobody consented
        checkAs("refused-" + run, SyntheticIins.random().value(), purpose).then().statusCode(200).body("allowed", equalTo(false));
        // malformed: a subject that is no IIN
        checkAs("malformed-" + run, "12345", purpose).then().statusCode(422);

        List<ConsumerRecord<String, String>> lines = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains("ConsentResource.check") && r.value().contains(run), 2, Duration.ofSeconds(20));
        assertThat(lines).extracting(ConsumerRecord::value)
                .noneSatisfy(v -> assertThat(v).contains("allowed-" + run))
                .anySatisfy(v -> assertThat(v).contains("refused-" + run).contains("\"status\":200"))
                .anySatisfy(v -> assertThat(v).contains("malformed-" + run).contains("\"status\":422"));
        assertThat(lines).hasSize(2);
    }

    private static Response checkAs(String correlationId, String subject, String purpose) {
        return Consents.as(MVD).header("X-Correlation-Id", correlationId)
                .body(Map.of("subject", subject, "recipient", "MVD", "scope", "PERSONAL_DATA", "purpose", purpose))
                .post("/api/v1/consents/check");
    }
}
