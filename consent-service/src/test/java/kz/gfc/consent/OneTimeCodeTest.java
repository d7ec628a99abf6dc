package kz.gfc.consent;

import static kz.gfc.consent.Consents.allowed;
import static kz.gfc.consent.Consents.confirm;
import static kz.gfc.consent.Consents.lastCode;
import static kz.gfc.consent.Consents.phone;
import static kz.gfc.consent.Consents.request;
import static kz.gfc.consent.Consents.terms;
import static kz.gfc.consent.Consents.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.LogCapture;
import kz.gfc.kit.testing.RealInfrastructure;

/** The one-time code: texted in the subject's language, kept only as a hash, five tries, five minutes, used once. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OneTimeCodeTest extends PinnedClock {

    @Inject
    AgroalDataSource db;

    @Test
    void theCodeIsTextedInKazakhWhenAskedAndStoredOnlyAsAHashNeverInTheLog() throws Exception {
        Iin iin = SyntheticIins.random();
        String phone = phone();
        var t = terms("MJ", "MARRIAGE_CERTIFICATE", "PERSONAL_DATA");
        t.put("language", "kk");
        String id;
        String code;
        try (LogCapture log = LogCapture.start()) {
            id = request(iin, phone, t).then().statusCode(201)
                    .body("status", equalTo("PENDING")).body("attemptsLeft", equalTo(5))
                    .extract().path("id");
            code = lastCode(phone);
            confirm(id, code).then().statusCode(200);
            assertThat(log.text()).doesNotContain(code).doesNotContain(iin.value());
        }
        assertThat(texts(phone)).hasSize(1);
        assertThat(texts(phone).get(0).path("text").asText()).contains("Растау коды").doesNotContain(iin.value());
        assertThat(texts(phone).get(0).path("language").asText()).isEqualTo("kk");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT code_hash, code_salt, subject_iin, status FROM consent_request WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet r = ps.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).hasSize(64).doesNotContain(code);
                assertThat(r.getString(2)).hasSize(32);
                assertThat(r.getString(3)).startsWith("v1:").doesNotContain(iin.value());
                assertThat(r.getString(4)).isEqualTo("CONFIRMED");
            }
        }
    }

    @Test
    void fiveWrongCodesLockTheRequestForGoodAndTheRightCodeNoLongerHelps() {
        Iin iin = SyntheticIins.random();
        String phone = phone();
        String id = request(iin, phone, terms("MVD", "ID_CARD", "PERSONAL_DATA")).then().statusCode(201)
                .extract().path("id");
        String code = lastCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            confirm(id, wrong).then().statusCode(422).contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("code-wrong")).body("attemptsLeft", equalTo(left))
                    .body("userMessage", equalTo("Неверный код. Осталось попыток: " + left));
        }
        Consents.as(Consents.OPERATOR).header("Accept-Language", "kk").body(java.util.Map.of("code", wrong))
                .post("/api/v1/consent-requests/" + id + "/confirm").then().statusCode(422)
                .body("code", equalTo("code-attempts-exhausted")).body("attemptsLeft", equalTo(0))
                .body("userMessage", equalTo("Код қате. Әрекеттер таусылды, жаңа сұрау жасаңыз"));
        confirm(id, code).then().statusCode(422).body("code", equalTo("code-attempts-exhausted"));
        assertThat(allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isFalse();
    }

    @Test
    void aCodeRunsOutAfterFiveMinutes() {
        Iin iin = SyntheticIins.random();
        String phone = phone();
        // nanoseconds PostgreSQL would round up: the code must still run out at exactly five minutes
        clock.pin(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusNanos(999_999_999));
        String id = request(iin, phone, terms("MVD", "ID_CARD", "PERSONAL_DATA")).then().statusCode(201)
                .extract().path("id");
        String code = lastCode(phone);
        clock.advance(Duration.ofMinutes(5));
        Consents.as(Consents.OPERATOR).header("Accept-Language", "kk").body(java.util.Map.of("code", code))
                .post("/api/v1/consent-requests/" + id + "/confirm").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("code-expired"))
                .body("userMessage", equalTo("Кодтың мерзімі өтті, жаңа сұрау жасаңыз"));
        assertThat(allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isFalse();
    }

    @Inject
    kz.gfc.consent.domain.ConsentExpiry expiry;

    @Test
    void R23_aRequestNeverConfirmedIsDeletedOnceItsRetentionHasPassedAndAConfirmedOneStays() throws Exception {
        String phone = phone();
        String lapsed = request(SyntheticIins.random(), phone, terms("MVD", "ID_CARD", "PERSONAL_DATA")).then()
                .statusCode(201).extract().path("id");
        String phone2 = phone();
        String confirmed = request(SyntheticIins.random(), phone2, terms("MVD", "ID_CARD", "PERSONAL_DATA")).then()
                .statusCode(201).extract().path("id");
        confirm(confirmed, lastCode(phone2)).then().statusCode(200);

        clock.advance(Duration.ofHours(23));
        expiry.purgeUnconfirmedRequests();
        assertThat(exists(lapsed)).as("within the retention").isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(expiry.purgeUnconfirmedRequests()).isGreaterThanOrEqualTo(1);
        assertThat(exists(lapsed)).isFalse();
        assertThat(exists(confirmed)).isTrue();
        confirm(lapsed, lastCode(phone)).then().statusCode(404);
    }

    private boolean exists(String requestId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM consent_request WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(requestId));
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1) == 1;
            }
        }
    }

    @Test
    void aRequestIsConfirmedOnceAndAWrongLengthCodeIsNotEvenCounted() {
        Iin iin = SyntheticIins.random();
        String phone = phone();
        String id = request(iin, phone, terms("MVD", "ID_CARD", "PERSONAL_DATA")).then().statusCode(201)
                .extract().path("id");
        confirm(id, "12345").then().statusCode(422).body("errors[0].field", equalTo("code"));
        confirm(id, "1234567").then().statusCode(422);
        confirm(id, "12a456").then().statusCode(422);
        String code = lastCode(phone);
        confirm(id, code).then().statusCode(200).body("consent.status", equalTo("ACTIVE"));
        confirm(id, code).then().statusCode(422).body("code", equalTo("request-used"));
        confirm(UUID.randomUUID().toString(), code).then().statusCode(404);
    }
}
