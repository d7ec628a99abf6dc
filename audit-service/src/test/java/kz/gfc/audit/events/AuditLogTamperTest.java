package kz.gfc.audit.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/** R21: the audit log refuses changes, and a change made behind its back is found by the chain check. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditLogTamperTest {

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void R21_theAuditLogIsAppendOnlyAndAnEditBehindItsBackBreaksTheChain() throws Exception {
        String resource = "tamper-" + UUID.randomUUID();
        String first = publish(resource, "first");
        String second = publish(resource, "second");
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(first) && stored(second));
        String auditor = ServiceContract.token("auditor-1", "auditor");
        given().auth().oauth2(auditor).when().get("/api/v1/audit/verify").then()
                .statusCode(200).body("intact", equalTo(true));

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(
                    "UPDATE audit_record SET actor_id = 'someone-else' WHERE event_id = '" + first + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_record WHERE event_id = '" + first + "'"))
                    .hasMessageContaining("append-only");

            // Someone with the owner's rights switches the guard off and rewrites history.
            s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
            s.executeUpdate("UPDATE audit_record SET actor_id = 'someone-else' WHERE event_id = '" + first + "'");
            s.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
        }
        long seq = QuarkusTransaction.requiringNew()
                .call(() -> AuditRecord.<AuditRecord>find("eventId", first).firstResult().seq);
        given().auth().oauth2(auditor).when().get("/api/v1/audit/verify").then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBrokenSeq", equalTo((int) seq));

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
            s.executeUpdate("UPDATE audit_record SET actor_id = 'citizen-" + resource + "' WHERE event_id = '" + first + "'");
            s.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
        }
        given().auth().oauth2(auditor).when().get("/api/v1/audit/verify").then().body("intact", equalTo(true));
        assertThat(seq).isPositive();
    }

    private String publish(String resource, String action) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(KafkaProbe.auditTopic(), AuditEvents.byRatingService(resource, action)))
                .toString();
    }

    private static boolean stored(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("eventId", eventId)) == 1;
    }
}
