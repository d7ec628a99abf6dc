package kz.gfc.consent;

import static kz.gfc.consent.Consents.OPERATOR;
import static kz.gfc.consent.Consents.allowed;
import static kz.gfc.consent.Consents.as;
import static kz.gfc.consent.Consents.citizen;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.eds.CanonicalJson;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.TestPki;
import kz.gfc.kit.testing.TestPki.Holder;
import kz.gfc.kit.testing.TestPki.Spec;

/**
 * R7, R8: at the window the subject signs the consent with their own EDS and the operator
 * submits it. Only the subject's own valid SIGN certificate of the trusted authority, over
 * exactly the terms sent, gives a consent; every other signature is refused with a type of
 * its own and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class InPersonEdsConsentTest extends PinnedClock {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/consents/in-person";

    @Inject
    AgroalDataSource db;

    static Map<String, Object> body(Iin subject) {
        Map<String, Object> b = new HashMap<>(terms("MVD", "ID_CARD", "PERSONAL_DATA", "TAX_SECRET"));
        b.put("subject", subject.value());
        b.put("validUntil", Instant.now().plus(Duration.ofDays(30)).toString());
        return b;
    }

    /** The bytes the subject's signer signs: the body's canonical JSON without {@code signature}. */
    static byte[] signed(Map<String, Object> body) {
        try {
            return CanonicalJson.unsigned(JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Response submit(Map<String, Object> body, String signature) {
        Map<String, Object> sent = new HashMap<>(body);
        if (signature != null) {
            sent.put("signature", signature);
        }
        return as(OPERATOR).body(sent).post(PATH);
    }

    @Test
    void R7_theSubjectsOwnEdsGivesAnActiveConsentWhoseEvidenceNamesTheCertificate() throws Exception {
        Iin iin = SyntheticIins.random();
        Holder subject = TestPki.shared().ca.citizen(iin.value());
        Map<String, Object> body = body(iin);
        assertThat(allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isFalse();

        String consentId = submit(body, subject.sign(signed(body))).then().statusCode(201)
                .header("Location", containsString("/api/v1/consents/"))
                .body("consent.channel", equalTo("IN_PERSON_EDS")).body("consent.status", equalTo("ACTIVE"))
                .body("consent.scopes", equalTo(List.of("PERSONAL_DATA", "TAX_SECRET")))
                .body("artefact", startsWith("eyJ"))
                .extract().path("consent.id");

        assertThat(allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isTrue();
        assertThat(allowed(iin, "MVD", "TAX_SECRET", "ID_CARD")).isTrue();
        as(citizen(iin)).get("/api/v1/consents").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].channel", equalTo("IN_PERSON_EDS"));

        JsonNode evidence = JSON.readTree(column(consentId, "evidence"));
        assertThat(evidence.path("certificateSerial").asText())
                .isEqualTo(subject.certificate().getSerialNumber().toString(16).toUpperCase());
        assertThat(evidence.path("certificateIssuer").asText()).contains("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ");
        assertThat(Instant.parse(evidence.path("signingTime").asText()))
                .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        assertThat(evidence.path("operator").asText()).isEqualTo("op-consent");
        assertThat(evidence.toString()).doesNotContain(iin.value());
        assertThat(column(consentId, "channel")).isEqualTo("IN_PERSON_EDS");

        List<ConsumerRecord<String, String>> events = KafkaProbe.read(KafkaProbe.ownTopic(),
                r -> consentId.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(events.get(0), "ce_type")).isEqualTo("kz.gfc.consent.granted.v1");
        assertThat(JSON.readTree(events.get(0).value()).path("channel").asText()).isEqualTo("IN_PERSON_EDS");
        assertThat(events.get(0).value()).doesNotContain(iin.value());
    }

    @Test
    void R7_aSignatureThatIsMissingOrBrokenGivesNoConsent() {
        Iin iin = SyntheticIins.random();
        Map<String, Object> body = body(iin);
        assertRefused(iin, submit(body, null), "signature-missing");
        assertRefused(iin, submit(body, "   "), "signature-missing");
        assertRefused(iin, submit(body, "MIIG%%%not-base64"), "signature-malformed");
        assertRefused(iin, submit(body, "bm90IGEgQ01TIHN0cnVjdHVyZQ=="), "signature-malformed");
    }

    @Test
    void R7_aSignatureOverOtherTermsGivesNoConsent() {
        Iin iin = SyntheticIins.random();
        Holder subject = TestPki.shared().ca.citizen(iin.value());
        Map<String, Object> agreed = body(iin);
        String signature = subject.sign(signed(agreed));
        Map<String, Object> widened = new HashMap<>(agreed);
        widened.put("scopes", List.of("PERSONAL_DATA", "TAX_SECRET", "MEDICAL_SECRET"));
        assertRefused(iin, submit(widened, signature), "signature-invalid");
        Map<String, Object> extra = new HashMap<>(agreed);
        extra.put("note", "a member the DTO ignores is signed all the same");
        assertRefused(iin, submit(extra, signature), "signature-invalid");
    }

    @Test
    void R7_aCertificateThatIsUntrustedExpiredOrNoSigningKeyGivesNoConsent() {
        Iin iin = SyntheticIins.random();
        Map<String, Object> body = body(iin);
        Holder foreign = TestPki.authority("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST").citizen(iin.value());
        assertRefused(iin, submit(body, foreign.sign(signed(body))), "certificate-untrusted");
        Instant now = Instant.now();
        Holder expired = TestPki.shared().ca.issue(Spec.individual(iin.value())
                .valid(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))));
        assertRefused(iin, submit(body, expired.sign(signed(body))), "certificate-expired");
        Holder auth = TestPki.shared().ca.issue(Spec.individual(iin.value())
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        assertRefused(iin, submit(body, auth.sign(signed(body))), "certificate-not-for-signing");
    }

    @Test
    void R7_onlyTheSubjectCanSignTheirConsentNotTheOperatorNorAnotherPerson() {
        Iin iin = SyntheticIins.random();
        Map<String, Object> body = body(iin);
        Holder relative = TestPki.shared().ca.citizen(SyntheticIins.random().value());
        assertRefused(iin, submit(body, relative.sign(signed(body))), "signer-not-subject");
        Holder operator = TestPki.shared().ca.operator(SyntheticIins.random().value());
        assertRefused(iin, submit(body, operator.sign(signed(body))), "signer-not-subject");
    }

    @Test
    void R7_aSignatureGivesOneConsentOnlySoAKeptSignedBodyCannotRestoreARevokedConsent() {
        Iin iin = SyntheticIins.random();
        Holder subject = TestPki.shared().ca.citizen(iin.value());
        Map<String, Object> body = body(iin);
        String signature = subject.sign(signed(body));
        String consentId = submit(body, signature).then().statusCode(201).extract().path("consent.id");
        as(citizen(iin)).post("/api/v1/consents/" + consentId + "/revoke").then().statusCode(200);

        Response replay = submit(body, signature);
        replay.then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/signature-used"));
        as(citizen(iin)).get("/api/v1/consents").then().statusCode(200).body("$", hasSize(1))
                .body("[0].status", equalTo("REVOKED"));
        assertThat(allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isFalse();

        // signing the same terms again is a new consent; RSA PKCS#1 v1.5 is deterministic and the signing
        // time counts whole seconds, so a signing within the same second would be this very signature
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        submit(body, subject.sign(signed(body))).then().statusCode(201);
        assertThat(allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isTrue();
    }

    @Test
    void R7_aSignatureMadeLongerAgoThanTheWindowAllowsGivesNoConsent() {
        Iin iin = SyntheticIins.random();
        Holder subject = TestPki.shared().ca.citizen(iin.value());
        Map<String, Object> body = body(iin);
        String signature = subject.sign(signed(body));
        clock.pin(Instant.now().plus(Duration.ofMinutes(16)));
        assertRefused(iin, submit(body, signature), "signature-stale");
        clock.pin(Instant.now().minus(Duration.ofMinutes(10)));
        assertRefused(iin, submit(body, signature), "signature-stale");
    }

    @Test
    void R7_badTermsAreRefusedBeforeAnySignatureIsLookedAt() {
        Iin iin = SyntheticIins.random();
        Holder subject = TestPki.shared().ca.citizen(iin.value());
        Map<String, Object> body = body(iin);
        body.put("scopes", List.of("NO_SUCH_SCOPE"));
        submit(body, subject.sign(signed(body))).then().statusCode(422).body("type", equalTo("https://gfc.kz/problems/validation"));
        Map<String, Object> badIin = body(iin);
        badIin.put("subject", "123456789012");
        submit(badIin, subject.sign(signed(badIin))).then().statusCode(422);
        as(OPERATOR).body("[1,2]").post(PATH).then().statusCode(422);
        as(citizen(iin)).body(body(iin)).post(PATH).then().statusCode(403);
        as(citizen(iin)).get("/api/v1/consents").then().statusCode(200).body("$", hasSize(0));
    }

    private static void assertRefused(Iin iin, Response r, String type) {
        r.then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/" + type));
        assertThat(r.asString()).doesNotContain(iin.value());
        as(citizen(iin)).get("/api/v1/consents").then().statusCode(200).body("$", hasSize(0));
        assertThat(allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isFalse();
    }

    private String column(String consentId, String column) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM consent WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(consentId));
            try (ResultSet r = ps.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }
}
