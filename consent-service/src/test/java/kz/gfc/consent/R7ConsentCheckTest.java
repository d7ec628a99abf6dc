package kz.gfc.consent;

import static kz.gfc.consent.Consents.MVD;
import static kz.gfc.consent.Consents.allowed;
import static kz.gfc.consent.Consents.as;
import static kz.gfc.consent.Consents.check;
import static kz.gfc.consent.Consents.citizen;
import static kz.gfc.consent.Consents.grantBySms;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.consent.domain.ConsentExpiry;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * R7, R8: protected data is used only while a matching consent is active — the check says no
 * before the grant, yes after the subject's code, and no again the moment it is revoked or has
 * run out, including when the revocation was committed by another instance.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R7ConsentCheckTest extends PinnedClock {

    @Inject
    ConsentExpiry expiry;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void R7_falseBeforeTheGrantTrueAfterTheCodeFalseAfterTheSubjectRevokes() {
        Iin iin = SyntheticIins.random();
        check(MVD, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().statusCode(200)
                .body("allowed", equalTo(false)).body("consentId", nullValue()).body("validUntil", nullValue());

        String consentId = grantBySms(iin, terms("MVD", "ID_CARD", "PERSONAL_DATA", "TAX_SECRET"));

        check(MVD, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().statusCode(200)
                .body("allowed", equalTo(true)).body("consentId", equalTo(consentId));
        assertThat(allowed(iin, "MVD", "TAX_SECRET", "ID_CARD")).isTrue();
        assertThat(allowed(iin, "MVD", "MEDICAL_SECRET", "ID_CARD")).as("a scope not consented to").isFalse();
        assertThat(allowed(iin, "MLSPP", "PERSONAL_DATA", "ID_CARD")).as("another recipient").isFalse();
        assertThat(allowed(iin, "MVD", "PERSONAL_DATA", "PASSPORT")).as("another purpose").isFalse();
        assertThat(allowed(SyntheticIins.random(), "MVD", "PERSONAL_DATA", "ID_CARD")).as("another subject").isFalse();

        as(citizen(iin)).post("/api/v1/consents/" + consentId + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        assertThat(allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isFalse();
        as(citizen(iin)).post("/api/v1/consents/" + consentId + "/revoke").then().statusCode(409);
    }

    @Test
    void R8_aConsentGivenInTheAppAllowsOnlyItsOwnTermsAndIsRefusedOnceItHasRunOut() {
        Iin iin = SyntheticIins.random();
        Map<String, Object> t = terms("MLSPP", "SOCIAL_BENEFIT", "PERSONAL_DATA");
        t.put("validUntil", Instant.now().plus(Duration.ofHours(1)).toString());
        String consentId = as(citizen(iin)).body(t).post("/api/v1/consents").then().statusCode(201)
                .body("consent.channel", equalTo("MOBILE_APP")).body("consent.status", equalTo("ACTIVE"))
                .extract().path("consent.id");
        assertThat(allowed(iin, "MLSPP", "PERSONAL_DATA", "SOCIAL_BENEFIT")).isTrue();

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(allowed(iin, "MLSPP", "PERSONAL_DATA", "SOCIAL_BENEFIT"))
                .as("refused past its validity even before the expiry job closed it").isFalse();

        assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);
        as(citizen(iin)).get("/api/v1/consents").then().statusCode(200)
                .body("find { it.id == '" + consentId + "' }.status", equalTo("EXPIRED"));
        assertThat(expiry.expireDue()).as("a second run closes nothing again").isZero();
        assertThat(allowed(iin, "MLSPP", "PERSONAL_DATA", "SOCIAL_BENEFIT")).isFalse();
    }

    @Test
    void R7_aRevocationCommittedByAnotherInstanceIsRefusedByTheVeryNextCheck() throws Exception {
        Iin iin = SyntheticIins.random();
        String consentId = grantBySms(iin, terms("GP", "CRIMINAL_RECORD", "PERSONAL_DATA"));
        assertThat(allowed(iin, "GP", "PERSONAL_DATA", "CRIMINAL_RECORD")).isTrue();

        // Another instance: its own connection, outside this service's pool and transactions.
        try (Connection other = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                PreparedStatement ps = other.prepareStatement(
                        "UPDATE consent SET status = 'REVOKED', revoked_at = now() WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(consentId));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(allowed(iin, "GP", "PERSONAL_DATA", "CRIMINAL_RECORD")).isFalse();
    }
}
