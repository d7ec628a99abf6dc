package kz.gfc.consent;

import static kz.gfc.consent.Consents.MVD;
import static kz.gfc.consent.Consents.check;
import static kz.gfc.consent.Consents.grantBySms;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * R21 without a second copy: an allowed check is recorded once, in the access log, in the
 * check's own statement; the kit's audit trail adds no line for it (a copy through Kafka cost
 * more than the check). A refused call — malformed, or by a caller without the role — is still
 * an audit line, since it is what an auditor looks for.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CheckAuditTest extends PinnedClock {

    @Test
    void R21_anAllowedCheckIsInTheAccessLogNotCopiedToTheAuditTrailWhileARefusedCallIsAudited() {
        Iin iin = SyntheticIins.random();
        String purpose = "AUDIT-" + System.nanoTime();
        grantBySms(iin, terms("MVD", purpose, "PERSONAL_DATA"));
        check(MVD, iin, "MVD", "PERSONAL_DATA", purpose).then().statusCode(200).body("allowed", equalTo(true));
        // malformed: a subject that is no IIN
        Consents.as(MVD).contentType(ContentType.JSON)
                .body("{\"subject\":\"12345\",\"recipient\":\"MVD\",\"scope\":\"PERSONAL_DATA\",\"purpose\":\"" + purpose + "\"}")
                .post("/api/v1/consents/check").then().statusCode(422);

        List<ConsumerRecord<String, String>> lines = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains("ConsentResource.check") && r.value().contains("svc-mvd"), 1, Duration.ofSeconds(20));
        assertThat(lines).extracting(ConsumerRecord::value).allSatisfy(v -> assertThat(v).contains("\"status\":422"));
        assertThat(lines).isNotEmpty();
    }
}
