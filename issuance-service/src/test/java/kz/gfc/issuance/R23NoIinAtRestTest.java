package kz.gfc.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R23NoIinAtRestTest {

    @Inject
    AgroalDataSource db;

    @Test
    void R23_theIinsShownAtIssuanceAreInNoTableAndNoEvent() throws Exception {
        String branch = "KOS-01";
        Packages.Application self = Packages.accepted(branch, "MVD", "PAPER", "IDENTITY_DOCUMENT");
        Packages.Application represented = Packages.accepted(branch, "MLSPP", "PAPER", "SOCIAL_EXEMPT");
        String b1 = Packages.barcodeOf(self);
        String b2 = Packages.barcodeOf(represented);
        Iin representative = SyntheticIins.random();
        Packages.toDesk(branch, b1);
        Packages.toDesk(branch, b2);
        Packages.operator(branch).body(Packages.self(SyntheticIins.random())).post("/api/v1/packages/" + b1 + "/issue")
                .then().statusCode(422); // a refused IIN must not linger either
        Packages.operator(branch).body(Packages.self(self.applicant())).post("/api/v1/packages/" + b1 + "/issue")
                .then().statusCode(200);
        Packages.operator(branch).body(Packages.representative(representative, represented.applicant(), "2099-12-31"))
                .post("/api/v1/packages/" + b2 + "/issue").then().statusCode(200);

        List<String> iins = List.of(self.applicant().value(), represented.applicant().value(), representative.value());
        try (Connection c = db.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("""
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND data_type IN ('character varying', 'text', 'character', 'jsonb', 'json', 'bytea')""")) {
                while (r.next()) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
            assertThat(columns).extracting(t -> t[0]).contains("document_package", "issuance_record", "outbox");
            for (String[] col : columns) {
                for (String iin : iins) {
                    try (var ps = c.prepareStatement("SELECT count(*) FROM \"" + col[0] + "\" WHERE \"" + col[1]
                            + "\"::text LIKE ?")) {
                        ps.setString(1, "%" + iin + "%");
                        try (ResultSet r = ps.executeQuery()) {
                            r.next();
                            assertThat(r.getLong(1)).as(col[0] + "." + col[1]).isZero();
                        }
                    }
                }
            }
        }
        List<ConsumerRecord<String, String>> events = KafkaProbe.read(KafkaProbe.ownTopic(),
                r -> b1.equals(r.key()) || b2.equals(r.key()), 10, Duration.ofSeconds(20));
        assertThat(events).hasSizeGreaterThanOrEqualTo(10);
        assertThat(events).allSatisfy(r -> iins.forEach(iin -> assertThat(r.value()).doesNotContain(iin)));
    }
}
