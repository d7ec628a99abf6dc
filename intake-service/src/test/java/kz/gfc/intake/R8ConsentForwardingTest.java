package kz.gfc.intake;

import static io.restassured.RestAssured.given;
import static kz.gfc.intake.Intake.form;
import static kz.gfc.intake.Intake.operator;
import static kz.gfc.intake.Intake.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R7/R8: an application goes to its provider only under the applicant's active consent. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R8ConsentForwardingTest {

    static final String GRANTED = "kz.gfc.consent.granted.v1";
    static final String REVOKED = "kz.gfc.consent.revoked.v1";

    @Inject
    Pseudonymizer pseudonyms;

    @Inject
    AgroalDataSource db;

    private final String branch = Intake.branch();

    @Test
    void R7_R8_forwardingWaitsForConsentAndAConsentGrantedMovesItOn() {
        Iin iin = SyntheticIins.random();
        String id = submit(operator(branch), form("AGE_PENSION", branch, iin.value())).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("status", equalTo("AWAITING_CONSENT"))
                .extract().path("id");
        // intake asked consent-service about this subject, provider, scope and purpose, with the IIN in the body
        assertThat(TestFakes.CONSENT_CHECKS).anySatisfy(c -> assertThat(c).containsEntry("subject", iin.value())
                .containsEntry("recipient", "MLSPP").containsEntry("scope", "PERSONAL_DATA").containsEntry("purpose", "AGE_PENSION"));
        given().auth().oauth2(Intake.provider("MLSPP")).when().get("/api/v1/provider/applications").then()
                .body("id", not(hasItem(id)));
        assertThat(Events.published(id, "kz.gfc.application.accepted.v1", 1)).hasSize(1);

        String consentId = UUID.randomUUID().toString();
        TestFakes.CONSENTS.put(TestFakes.key(iin.value(), "MLSPP", "PERSONAL_DATA", "AGE_PENSION"), consentId);
        Events.send("gfc.consents.v1", GRANTED, consentId, consent(consentId, iin, "AGE_PENSION"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator(branch))
                .when().get("/api/v1/applications/" + id).then().body("status", equalTo("SENT_TO_PROVIDER")));
        given().auth().oauth2(Intake.provider("MLSPP")).when().get("/api/v1/provider/applications").then()
                .body("find { it.id == '" + id + "' }.consentId", equalTo(consentId))
                .body("find { it.id == '" + id + "' }.applicantIin", equalTo(iin.value()));
        var forwarded = Events.published(id, "kz.gfc.application.forwarded.v1", 1);
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0).value()).contains("\"provider\":\"MLSPP\"").contains("\"serviceCode\":\"AGE_PENSION\"");
    }

    @Test
    void R8_aConsentRevokedBeforeForwardingKeepsTheApplicationWaiting() throws Exception {
        Iin iin = SyntheticIins.random();
        String id = submit(operator(branch), form("AGE_PENSION", branch, iin.value())).then().statusCode(201)
                .body("status", equalTo("AWAITING_CONSENT")).extract().path("id");
        String consentId = UUID.randomUUID().toString();
        // granted, then revoked before intake got to it: consent-service now says no
        String granted = Events.send("gfc.consents.v1", GRANTED, consentId, consent(consentId, iin, "AGE_PENSION"));
        String revoked = Events.send("gfc.consents.v1", REVOKED, consentId, consent(consentId, iin, "AGE_PENSION"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(granted) && processed(revoked));
        given().auth().oauth2(operator(branch)).when().get("/api/v1/applications/" + id).then()
                .body("status", equalTo("AWAITING_CONSENT"));
        assertThat(Events.published(id, "kz.gfc.application.forwarded.v1", 0)).isEmpty();
    }

    @Test
    void R8_whenConsentServiceCannotAnswerTheApplicationWaitsInsteadOfFailing() {
        TestFakes.CONSENT_FAILURES_TO_COME.set(3);
        Iin iin = SyntheticIins.random();
        TestFakes.CONSENTS.put(TestFakes.key(iin.value(), "MLSPP", "PERSONAL_DATA", "AGE_PENSION"), "c-" + UUID.randomUUID());
        submit(operator(branch), form("AGE_PENSION", branch, iin.value())).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("status", equalTo("AWAITING_CONSENT"));
        // one failure is retried away
        TestFakes.CONSENT_FAILURES_TO_COME.set(1);
        Iin other = SyntheticIins.random();
        TestFakes.CONSENTS.put(TestFakes.key(other.value(), "MLSPP", "PERSONAL_DATA", "AGE_PENSION"), "c-" + UUID.randomUUID());
        submit(operator(branch), form("AGE_PENSION", branch, other.value())).then().statusCode(201)
                .body("status", equalTo("SENT_TO_PROVIDER"));
        TestFakes.CONSENT_FAILURES_TO_COME.set(0);
    }

    @Test
    void R8_withConsentAlreadyGivenTheApplicationGoesStraightToTheProvider() {
        Iin iin = SyntheticIins.random();
        TestFakes.CONSENTS.put(TestFakes.key(iin.value(), "MLSPP", "PERSONAL_DATA", "AGE_PENSION"), "c-" + UUID.randomUUID());
        submit(operator(branch), form("AGE_PENSION", branch, iin.value())).then().statusCode(201)
                .body("status", equalTo("SENT_TO_PROVIDER"));
    }

    @Test
    void R8_aReCheckForwardsWhatAConsentServiceOutageLeftWaiting() {
        TestFakes.CONSENT_FAILURES_TO_COME.set(3);
        Iin iin = SyntheticIins.random();
        String consentId = "c-" + UUID.randomUUID();
        TestFakes.CONSENTS.put(TestFakes.key(iin.value(), "MLSPP", "PERSONAL_DATA", "AGE_PENSION"), consentId);
        String id = submit(operator(branch), form("AGE_PENSION", branch, iin.value())).then().statusCode(201)
                .body("status", equalTo("AWAITING_CONSENT")).extract().path("id");
        TestFakes.CONSENT_FAILURES_TO_COME.set(0);
        assertThat(recheck.recheck()).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(operator(branch)).when().get("/api/v1/applications/" + id).then()
                .body("status", equalTo("SENT_TO_PROVIDER"));
    }

    @Inject
    kz.gfc.intake.infra.ConsentRecheckJob recheck;

    @Test
    void R7_protectedRegisterDataIsReadOnlyUnderAnActiveConsent() {
        Iin registered = Iin.of("901103491080");
        String id = submit(operator(branch), form("AGE_PENSION", branch, registered.value())).then().statusCode(201)
                .body("status", equalTo("AWAITING_CONSENT"))
                .body("dataSources.'applicant.address'", org.hamcrest.Matchers.nullValue())
                .extract().path("id");
        String consentId = "c-" + UUID.randomUUID();
        TestFakes.CONSENTS.put(TestFakes.key(registered.value(), "MLSPP", "PERSONAL_DATA", "AGE_PENSION"), consentId);
        recheck.recheck();
        given().auth().oauth2(operator(branch)).when().get("/api/v1/applications/" + id).then()
                .body("status", equalTo("SENT_TO_PROVIDER"))
                .body("dataSources.'applicant.address'", equalTo("POPULATION_REGISTER (consent " + consentId + ")"));
        given().auth().oauth2(Intake.provider("MLSPP")).when().get("/api/v1/provider/applications").then()
                .body("find { it.id == '" + id + "' }.applicantAddress", equalTo("г. Астана, пр. Мангилик Ел, д. 3, кв. 41"));
        // a service that works without consent never reads it
        String passport = submit(operator(branch), form("PASSPORT", branch, registered.value())).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Intake.provider("MVD")).when().get("/api/v1/provider/applications").then()
                .body("find { it.id == '" + passport + "' }.applicantAddress", org.hamcrest.Matchers.nullValue());
    }

    private String consent(String consentId, Iin iin, String purpose) {
        return "{\"consentId\":\"" + consentId + "\",\"subjectPseudonym\":\"" + pseudonyms.pseudonym(iin)
                + "\",\"recipient\":\"MLSPP\",\"scopes\":[\"PERSONAL_DATA\"],\"purpose\":\"" + purpose
                + "\",\"channel\":\"CENTRE\",\"grantedAt\":\"2026-11-26T05:00:00Z\",\"revokedAt\":\"2026-11-26T05:01:00Z\"}";
    }

    private boolean processed(String eventId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1) == 1;
            }
        }
    }
}
