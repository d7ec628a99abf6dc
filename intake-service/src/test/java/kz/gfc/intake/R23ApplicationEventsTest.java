package kz.gfc.intake;

import static kz.gfc.intake.Intake.form;
import static kz.gfc.intake.Intake.operator;
import static kz.gfc.intake.Intake.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/** R23 and the events contract: ApplicationAccepted/Rejected/Forwarded carry pseudonyms, and no table holds an IIN in clear. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R23ApplicationEventsTest {

    @Inject
    Pseudonymizer pseudonyms;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource db;

    private final String branch = Intake.branch();

    @Test
    void R23_eventsCarryTheApplicantAsAPseudonymAndFollowTheContract() throws Exception {
        Iin iin = SyntheticIins.random();
        Map<String, Object> body = form("PASSPORT", branch, iin.value());
        body.put("ticketId", "T-1234");
        String id = submit(operator(branch), body).then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> accepted = Events.published(id, "kz.gfc.application.accepted.v1", 1).get(0);
        assertThat(accepted.value()).doesNotContain(iin.value());
        assertThat(KafkaProbe.header(accepted, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        JsonNode a = json.readTree(accepted.value());
        assertThat(fieldNames(a)).containsExactlyInAnyOrder("applicationId", "receiptNumber", "serviceCode", "serviceKind",
                "catalogueVersion", "provider", "branchCode", "ticketId", "applicantPseudonym", "operatorId", "acceptedAt",
                "readyDate", "delivery", "resultKind", "retentionClass", "language");
        assertThat(a.get("applicantPseudonym").asText()).isEqualTo(pseudonyms.pseudonym(iin));
        assertThat(a.get("serviceKind").asText()).isEqualTo("SERVICE");
        assertThat(a.get("provider").asText()).isEqualTo("MVD");
        assertThat(a.get("ticketId").asText()).isEqualTo("T-1234");
        assertThat(a.get("readyDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(a.get("delivery").asText()).isEqualTo("PAPER");
        assertThat(a.get("resultKind").asText()).isEqualTo("PASSPORT");
        assertThat(a.get("retentionClass").asText()).isEqualTo("IDENTITY_DOCUMENT");
        assertThat(a.get("language").asText()).isEqualTo("kk");

        JsonNode f = json.readTree(Events.published(id, "kz.gfc.application.forwarded.v1", 1).get(0).value());
        assertThat(fieldNames(f)).containsExactlyInAnyOrder("applicationId", "serviceCode", "provider", "forwardedAt");

        Map<String, Object> incomplete = form("PASSPORT", branch, iin.value());
        incomplete.put("documents", List.of());
        incomplete.put("payment", Intake.payment("100", "KZT", "P-1"));
        String rejectedId = submit(operator(branch), incomplete).then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> rejected = Events.published(rejectedId, "kz.gfc.application.rejected.v1", 1).get(0);
        assertThat(rejected.value()).doesNotContain(iin.value()).doesNotContain("Тестова");
        JsonNode r = json.readTree(rejected.value());
        assertThat(fieldNames(r)).containsExactlyInAnyOrder("applicationId", "receiptNumber", "serviceCode", "provider",
                "branchCode", "operatorId", "rejectedAt", "missingDocuments", "missingFields", "feeShortfall");
        assertThat(r.get("missingDocuments").get(0).asText()).isEqualTo("IDENTITY_CARD");
        assertThat(r.get("feeShortfall").decimalValue()).isEqualByComparingTo("34500");

        // no column of any intake table holds the IIN in clear
        try (Connection c = db.getConnection()) {
            for (String table : List.of("application", "outbox", "idempotency_key")) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String v = rs.getString(i);
                            assertThat(v == null ? "" : v).as(table + "." + md.getColumnName(i)).doesNotContain(iin.value());
                        }
                    }
                }
            }
        }
    }

    @Test
    void theJsonSchemasInTheRepositoryNameExactlyTheFieldsIntakePublishes() throws Exception {
        Map<String, Class<?>> events = Map.of("kz.gfc.application.accepted.v1", kz.gfc.intake.events.ApplicationAccepted.class,
                "kz.gfc.application.rejected.v1", kz.gfc.intake.events.ApplicationRejected.class,
                "kz.gfc.application.forwarded.v1", kz.gfc.intake.events.ApplicationForwarded.class);
        for (var e : events.entrySet()) {
            JsonNode schema = json.readTree(java.nio.file.Path.of("..", "docs", "events", e.getKey() + ".schema.json").toFile());
            List<String> components = java.util.Arrays.stream(e.getValue().getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName).toList();
            assertThat(fieldNames(schema.get("properties"))).as(e.getKey()).containsExactlyInAnyOrderElementsOf(components);
            List<String> required = new java.util.ArrayList<>();
            schema.get("required").forEach(n -> required.add(n.asText()));
            assertThat(required).as(e.getKey()).containsExactlyInAnyOrderElementsOf(components);
        }
        String asyncapi = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "asyncapi.yaml"));
        assertThat(asyncapi).contains("address: gfc.applications.v1").contains("kz.gfc.application.accepted.v1")
                .contains("kz.gfc.application.rejected.v1").contains("kz.gfc.application.forwarded.v1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
