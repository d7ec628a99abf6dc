package kz.gfc.consent;

import static kz.gfc.consent.Consents.MVD;
import static kz.gfc.consent.Consents.as;
import static kz.gfc.consent.Consents.check;
import static kz.gfc.consent.Consents.citizen;
import static kz.gfc.consent.Consents.confirm;
import static kz.gfc.consent.Consents.lastCode;
import static kz.gfc.consent.Consents.phone;
import static kz.gfc.consent.Consents.request;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.consent.domain.Consent;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.IinCipher;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.LogCapture;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * R23: the subject's IIN is ciphertext at rest, a pseudonym in events and in the outbox, in no
 * response and no log line; a citizen sees and touches only their own consents.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R23PrivacyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    IinCipher cipher;

    @Inject
    Pseudonymizer pseudonyms;

    @Inject
    ObjectMapper json;

    @Test
    void R23_theIinIsCiphertextAtRestAndAPseudonymInTheOutboxAndOnKafkaAndNeverInAResponseOrALog() throws Exception {
        Iin iin = SyntheticIins.random();
        String pseudonym = pseudonyms.pseudonym(iin);
        String consentId;
        List<String> responses = new ArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            String phone = phone();
            String requestId = request(iin, phone, terms("MVD", "ID_CARD", "PERSONAL_DATA")).then().statusCode(201)
                    .extract().asString().transform(s -> {
                        responses.add(s);
                        return s;
                    }).transform(s -> io.restassured.path.json.JsonPath.from(s).getString("id"));
            String granted = confirm(requestId, lastCode(phone)).then().statusCode(200).extract().asString();
            responses.add(granted);
            consentId = io.restassured.path.json.JsonPath.from(granted).getString("consent.id");
            responses.add(check(MVD, iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().extract().asString());
            responses.add(as(citizen(iin)).get("/api/v1/consents").then().extract().asString());
            responses.add(as(citizen(iin)).get("/api/v1/access-log").then().extract().asString());
            responses.add(as(citizen(iin)).post("/api/v1/consents/" + consentId + "/revoke").then().statusCode(200)
                    .extract().asString());
            assertThat(log.text()).doesNotContain(iin.value());
        }
        assertThat(responses).noneMatch(r -> r.contains(iin.value()));

        try (Connection c = db.getConnection()) {
            String stored = single(c, "SELECT subject_iin FROM consent WHERE id = ?", consentId);
            assertThat(stored).startsWith("v1:").doesNotContain(iin.value());
            assertThat(cipher.decrypt(stored, Consent.IIN_PURPOSE)).isEqualTo(iin);
            assertThat(single(c, "SELECT subject_pseudonym FROM consent WHERE id = ?", consentId)).isEqualTo(pseudonym);
            List<String> payloads = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM outbox WHERE msg_key = ?")) {
                ps.setString(1, consentId);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        payloads.add(r.getString(1));
                    }
                }
            }
            assertThat(payloads).hasSize(2).allMatch(p -> p.contains(pseudonym)).noneMatch(p -> p.contains(iin.value()));
            try (ResultSet r = c.createStatement().executeQuery("SELECT payload FROM outbox")) {
                while (r.next()) {
                    assertThat(r.getString(1)).doesNotContain(iin.value());
                }
            }
        }

        List<ConsumerRecord<String, String>> events = KafkaProbe.read(KafkaProbe.ownTopic(),
                r -> consentId.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type"))
                .containsExactly("kz.gfc.consent.granted.v1", "kz.gfc.consent.revoked.v1");
        for (ConsumerRecord<String, String> e : events) {
            assertThat(e.value()).doesNotContain(iin.value());
            JsonNode data = json.readTree(e.value());
            assertThat(data.path("subjectPseudonym").asText()).isEqualTo(pseudonym);
            assertThat(data.path("consentId").asText()).isEqualTo(consentId);
            assertThat(data.path("recipient").asText()).isEqualTo("MVD");
            assertThat(data.path("scopes").get(0).asText()).isEqualTo("PERSONAL_DATA");
            assertThat(data.path("purpose").asText()).isEqualTo("ID_CARD");
        }
        assertThat(json.readTree(events.get(0).value()).path("channel").asText()).isEqualTo("SMS_OTP");
    }

    @Test
    void R23_anotherCitizenNeitherSeesNorRevokesNorFetchesSomeoneElsesConsent() {
        Iin owner = SyntheticIins.random();
        var t = terms("MLSPP", "SOCIAL_BENEFIT", "PERSONAL_DATA");
        String consentId = as(citizen(owner)).body(t).post("/api/v1/consents").then().statusCode(201)
                .extract().path("consent.id");
        String stranger = citizen(SyntheticIins.random());
        as(stranger).get("/api/v1/consents").then().statusCode(200).body("", hasSize(0));
        as(stranger).post("/api/v1/consents/" + consentId + "/revoke").then().statusCode(404)
                .body("type", equalTo("https://gfc.kz/problems/not-found"));
        as(stranger).get("/api/v1/consents/" + consentId + "/artefact").then().statusCode(404);
        as(stranger).post("/api/v1/consents/" + UUID.randomUUID() + "/revoke").then().statusCode(404);
        as(citizen(owner)).get("/api/v1/consents").then().statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo("ACTIVE"));
        assertThat(Consents.allowed(owner, "MLSPP", "PERSONAL_DATA", "SOCIAL_BENEFIT")).isTrue();
    }

    @Test
    void R23_aCitizenCannotCheckOrAskForConsentsOfOthersAndStaffCannotListThem() {
        Iin iin = SyntheticIins.random();
        check(citizen(iin), iin, "MVD", "PERSONAL_DATA", "ID_CARD").then().statusCode(403);
        as(citizen(iin)).body(java.util.Map.of("code", "123456"))
                .post("/api/v1/consent-requests/" + UUID.randomUUID() + "/confirm").then().statusCode(403);
        as(Consents.OPERATOR).get("/api/v1/consents").then().statusCode(403);
        as(MVD).get("/api/v1/access-log").then().statusCode(403);
    }

    private static String single(Connection c, String sql, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
