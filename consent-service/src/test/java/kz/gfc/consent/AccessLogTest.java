package kz.gfc.consent;

import static kz.gfc.consent.Consents.INTAKE;
import static kz.gfc.consent.Consents.MVD;
import static kz.gfc.consent.Consents.OPERATOR;
import static kz.gfc.consent.Consents.as;
import static kz.gfc.consent.Consents.check;
import static kz.gfc.consent.Consents.citizen;
import static kz.gfc.consent.Consents.grantBySms;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R7, R23: each allowed check is a line in the subject's own access log — who, which scope, what for, under which consent. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AccessLogTest {

    @Inject
    AgroalDataSource db;

    @Test
    void R7_everyAllowedCheckIsLoggedWithTheCallerFromTheTokenAndARefusedOneIsNot() {
        Iin iin = SyntheticIins.random();
        check(MVD, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().body("allowed", equalTo(false));
        String consentId = grantBySms(iin, terms("MVD", "ID_CARD", "PERSONAL_DATA"));
        as(citizen(iin)).get("/api/v1/access-log").then().statusCode(200).body("", hasSize(0));

        check(MVD, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().body("allowed", equalTo(true));
        check(OPERATOR, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().body("allowed", equalTo(true));
        check(INTAKE, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().body("allowed", equalTo(true));
        check(MVD, iin, "MVD", "TAX_SECRET", "ID_CARD").then().body("allowed", equalTo(false));

        List<Map<String, Object>> log = as(citizen(iin)).get("/api/v1/access-log").then().statusCode(200)
                .body("", hasSize(3)).extract().path("");
        assertThat(log).allSatisfy(e -> {
            assertThat(e.get("consentId")).isEqualTo(consentId);
            assertThat(e.get("scope")).isEqualTo("PERSONAL_DATA");
            assertThat(e.get("purpose")).isEqualTo("ID_CARD");
            assertThat(e.get("recipient")).isEqualTo("MVD");
        });
        assertThat(log).extracting(e -> e.get("organisation")).containsExactlyInAnyOrder("MVD", "GFC", "svc-intake");
        assertThat(log).extracting(e -> e.get("operatorName")).containsExactlyInAnyOrder(null, "Айгерім Оператор", null);

        as(citizen(iin)).get("/api/v1/consents").then().statusCode(200)
                .body("find { it.id == '" + consentId + "' }.useCount", equalTo(3));
        as(citizen(SyntheticIins.random())).get("/api/v1/access-log").then().statusCode(200).body("", hasSize(0));
        as(citizen(SyntheticIins.random())).get("/api/v1/access-log?consentId=" + consentId).then().statusCode(200)
                .body("", hasSize(0));
        as(kz.gfc.kit.testing.ServiceContract.token("auditor1", "auditor")).get("/api/v1/access-log?consentId=" + consentId)
                .then().statusCode(200).body("", hasSize(3));
    }

    @Test
    void R23_theAccessLogIsAppendOnlyInTheDatabaseToo() throws SQLException {
        Iin iin = SyntheticIins.random();
        grantBySms(iin, terms("MVD", "ID_CARD", "PERSONAL_DATA"));
        check(MVD, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().body("allowed", equalTo(true));
        try (Connection c = db.getConnection()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate("UPDATE access_log SET organisation = 'X'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM access_log"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("TRUNCATE access_log CASCADE"))
                    .hasMessageContaining("append-only");
        }
    }
}
