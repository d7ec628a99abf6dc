package kz.gfc.consent;

import static kz.gfc.consent.Consents.MVD;
import static kz.gfc.consent.Consents.as;
import static kz.gfc.consent.Consents.check;
import static kz.gfc.consent.Consents.citizen;
import static kz.gfc.consent.Consents.phone;
import static kz.gfc.consent.Consents.request;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/** Bad input is a problem+json naming the field, with nothing stored, nothing texted, nothing published. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    @Inject
    AgroalDataSource db;

    private long before;

    @BeforeEach
    void count() throws SQLException {
        before = rows();
    }

    @AfterEach
    void nothingChanged() throws SQLException {
        assertThat(rows()).as("requests + consents + access log + consent events").isEqualTo(before);
    }

    @Test
    void anInvalidIinIsRefusedWhereverItIsGiven() {
        String bad = "123456789012";
        Map<String, Object> body = new java.util.HashMap<>(terms("MVD", "ID_CARD", "PERSONAL_DATA"));
        body.put("subject", bad);
        body.put("phone", phone());
        as(Consents.OPERATOR).body(body).post("/api/v1/consent-requests").then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        as(MVD).body(Map.of("subject", bad, "recipient", "MVD", "scope", "PERSONAL_DATA", "purpose", "ID_CARD"))
                .post("/api/v1/consents/check").then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        as(MVD).body(Map.of("recipient", "MVD", "scope", "PERSONAL_DATA", "purpose", "ID_CARD"))
                .post("/api/v1/consents/check").then().statusCode(422);
    }

    @Test
    void anUnknownScopeIsRefusedInKazakhWhenAsked() {
        Iin iin = SyntheticIins.random();
        as(Consents.OPERATOR).header("Accept-Language", "kk")
                .body(withSubject(iin, terms("MVD", "ID_CARD", "PERSONAL_DATA", "GENETIC_SECRET")))
                .post("/api/v1/consent-requests").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("scopes"))
                .body("userMessage", equalTo("Келісім шарттары дұрыс толтырылмаған"));
        as(citizen(iin)).body(terms("MVD", "ID_CARD", "lowercase")).post("/api/v1/consents").then().statusCode(422);
        as(citizen(iin)).body(terms("MVD", "ID_CARD")).post("/api/v1/consents").then().statusCode(422);
    }

    @Test
    void aValidityInThePastOrBeyondTheMaximumIsRefused() {
        Iin iin = SyntheticIins.random();
        var past = terms("MVD", "ID_CARD", "PERSONAL_DATA");
        past.put("validUntil", Instant.now().minusSeconds(60).toString());
        as(citizen(iin)).body(past).post("/api/v1/consents").then().statusCode(422)
                .body("errors.field", hasItem("validUntil"));
        var far = terms("MVD", "ID_CARD", "PERSONAL_DATA");
        far.put("validUntil", Instant.now().plus(Duration.ofDays(366)).toString());
        as(Consents.OPERATOR).body(withSubject(iin, far)).post("/api/v1/consent-requests").then().statusCode(422)
                .body("errors.field", hasItem("validUntil"));
        var endOfTime = terms("MVD", "ID_CARD", "PERSONAL_DATA");
        endOfTime.put("validUntil", "+999999999-12-31T23:59:59Z");
        as(citizen(iin)).body(endOfTime).post("/api/v1/consents").then().statusCode(422);
    }

    @Test
    void malformedTermsPhoneAndDataRangeAreRefused() {
        Iin iin = SyntheticIins.random();
        var t = withSubject(iin, terms("MVD", "ID_CARD", "PERSONAL_DATA"));
        t.put("phone", "8-777-123");
        as(Consents.OPERATOR).body(t).post("/api/v1/consent-requests").then().statusCode(422)
                .body("errors.field", hasItem("phone"));
        var range = terms("MVD", "ID_CARD", "PERSONAL_DATA");
        range.put("dataFrom", "2026-01-01");
        range.put("dataTo", "2025-01-01");
        as(citizen(iin)).body(range).post("/api/v1/consents").then().statusCode(422)
                .body("errors.field", hasItem("dataTo"));
        var frequency = terms("MVD", "ID_CARD", "PERSONAL_DATA");
        frequency.put("fetchLimit", 3);
        as(citizen(iin)).body(frequency).post("/api/v1/consents").then().statusCode(422);
        as(citizen(iin)).body("{\"recipient\":").post("/api/v1/consents").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aCitizenTokenWithoutAnIinCannotGrant() {
        as(ServiceContract.token("no-iin", "citizen")).body(terms("MVD", "ID_CARD", "PERSONAL_DATA"))
                .post("/api/v1/consents").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as(ServiceContract.token("no-iin", "citizen")).get("/api/v1/consents").then().statusCode(403);
    }

    @Test
    void aRequestWithAWrongRoleIsForbiddenAndNothingIsTexted() {
        Iin iin = SyntheticIins.random();
        String phone = phone();
        as(MVD).body(withSubject(iin, terms("MVD", "ID_CARD", "PERSONAL_DATA"))).post("/api/v1/consent-requests")
                .then().statusCode(403);
        assertThat(Consents.texts(phone)).isEmpty();
        check(citizen(iin), iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().statusCode(403);
        request(iin, "+7", terms("MVD", "ID_CARD", "PERSONAL_DATA")).then().statusCode(422);
    }

    private static Map<String, Object> withSubject(Iin iin, Map<String, Object> terms) {
        Map<String, Object> body = new java.util.HashMap<>(terms);
        body.put("subject", iin.value());
        body.put("phone", phone());
        return body;
    }

    private long rows() throws SQLException {
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery("""
                SELECT (SELECT count(*) FROM consent_request) + (SELECT count(*) FROM consent)
                     + (SELECT count(*) FROM access_log)
                     + (SELECT count(*) FROM outbox WHERE type LIKE 'kz.gfc.consent.%')""")) {
            r.next();
            return r.getLong(1);
        }
    }
}
