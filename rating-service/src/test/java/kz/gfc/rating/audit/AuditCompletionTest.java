package kz.gfc.rating.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/**
 * R21 at the cost of one transaction: the action's own transaction writes the audit draft, and
 * the relay sends the completed line in the draft's place, under the draft's id — no second
 * outbox row, no transaction to withdraw the draft. The line still carries what only the
 * response knows: status, outcome, the created resource's id.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditCompletionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void R21_theCompletedLineGoesOutInItsDraftsPlaceWithoutASecondRow() throws Exception {
        String visit = "completed-" + UUID.randomUUID();
        String citizen = "citizen-" + Long.toString(System.nanoTime(), 36);
        String location = given().auth().oauth2(ServiceContract.token(citizen, "citizen")).contentType(ContentType.JSON)
                .body("{\"visitId\":\"" + visit + "\",\"branchCode\":\"ALM-01\",\"score\":5}")
                .when().post("/api/v1/ratings").then().statusCode(201).extract().header("Location");
        String ratingId = location.substring(location.lastIndexOf('/') + 1);

        List<ConsumerRecord<String, String>> audit = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains(citizen), 1, Duration.ofSeconds(30));
        assertThat(audit).hasSize(1);
        ConsumerRecord<String, String> line = audit.get(0);
        assertThat(line.value()).contains("\"outcome\":\"SUCCEEDED\"").contains("\"status\":201")
                .contains("\"resourceId\":\"" + ratingId + "\"");

        // one outbox row for the line: the draft's, stamped sent, whose id the line carries
        List<String[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id::varchar, sent_at IS NOT NULL, held_until IS NOT NULL, payload FROM outbox WHERE topic = ? AND payload LIKE ?")) {
            ps.setString(1, KafkaProbe.auditTopic());
            ps.setString(2, "%" + citizen + "%");
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    rows.add(new String[] {r.getString(1), String.valueOf(r.getBoolean(2)), String.valueOf(r.getBoolean(3)), r.getString(4)});
                }
            }
        }
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo(KafkaProbe.header(line, CloudEventHeaders.ID));
        assertThat(rows.get(0)[1]).isEqualTo("true"); // sent
        assertThat(rows.get(0)[2]).isEqualTo("true"); // it was written as a held draft
        assertThat(rows.get(0)[3]).contains("\"outcome\":\"COMMITTED\""); // the row keeps the draft as written
    }
}
