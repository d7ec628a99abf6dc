package kz.gfc.intake;

import static io.restassured.RestAssured.given;
import static kz.gfc.intake.Intake.doc;
import static kz.gfc.intake.Intake.form;
import static kz.gfc.intake.Intake.operator;
import static kz.gfc.intake.Intake.payment;
import static kz.gfc.intake.Intake.sub;
import static kz.gfc.intake.Intake.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R13, R14, R15.1–R15.6, R22: taking an application at the window. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R15IntakeTest {

    @Inject
    AgroalDataSource db;

    private final String branch = Intake.branch();

    @Test
    void R15_5_anAcceptedApplicationGetsAReceiptWithDocumentsOperatorTimeAndReadyDate() {
        Map<String, Object> body = form("PASSPORT", branch, SyntheticIins.random().value());
        String id = submit(operator(branch), body).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/applications/"))
                .body("outcome", equalTo("ACCEPTED"))
                .body("status", equalTo("SENT_TO_PROVIDER"))
                .body("receipt.number", startsWith(branch + "-"))
                .body("receipt.operatorName", equalTo(Intake.OPERATOR_NAME))
                .body("receipt.acceptedDocuments.code", contains("IDENTITY_CARD"))
                .body("receipt.acceptedDocuments[0].form", equalTo("ORIGINAL"))
                .body("receipt.missingDocuments", org.hamcrest.Matchers.empty())
                .body("receipt.readyDate", notNullValue())
                .body("receipt.acceptedAt", org.hamcrest.Matchers.endsWith("+05:00"))
                .body("receipt.serviceNameKk", equalTo("Қазақстан Республикасы азаматының паспортын беру"))
                .body("receipt.language", equalTo("kk"))
                .body("receipt.feeDue", equalTo(34600.0f))
                .body("receipt.feeShortfall", nullValue())
                .extract().path("id");
        given().auth().oauth2(operator(branch)).when().get("/api/v1/applications/" + id + "/receipt").then().statusCode(200)
                .body("applicationId", equalTo(id)).body("outcome", equalTo("ACCEPTED"));
    }

    @Test
    void R15_1_missingMandatoryFieldsRefuseWithTheirList() {
        Map<String, Object> body = form("CHILDBIRTH_ALLOWANCE", branch, SyntheticIins.random().value());
        body.put("fields", Map.of("childOrder", "2"));
        submit(operator(branch), body).then().statusCode(201)
                .body("outcome", equalTo("REJECTED"))
                .body("status", equalTo("REJECTED"))
                .body("receipt.missingFields.name", containsInAnyOrder("childBirthDate", "bankAccount"))
                .body("receipt.missingFields.find { it.name == 'bankAccount' }.labelRu", equalTo("Банковский счёт (IBAN)"))
                .body("receipt.readyDate", nullValue());
    }

    @Test
    void R15_6_anIncompleteDocumentSetIsRefusedNamingTheMissingDocument() {
        Map<String, Object> body = form("AGE_PENSION", branch, SyntheticIins.random().value());
        body.put("documents", List.of(doc("IDENTITY_CARD", "ORIGINAL")));
        String id = submit(operator(branch), body).then().statusCode(201)
                .body("outcome", equalTo("REJECTED"))
                .body("receipt.missingDocuments.code", contains("SERVICE_RECORD"))
                .body("receipt.missingDocuments[0].nameKk", equalTo("Еңбек өтілін растайтын құжаттар"))
                .extract().path("id");
        given().auth().oauth2(operator(branch)).when().get("/api/v1/applications/" + id).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void R22_documentsFromInformationSystemsAreNeverDemanded() {
        // the child's birth certificate is in the civil registry: not presented, not missing
        Map<String, Object> body = form("CHILDBIRTH_ALLOWANCE", branch, SyntheticIins.random().value());
        TestFakes.CONSENTS.put(TestFakes.key((String) sub(body, "applicant").get("iin"), "MLSPP", "PERSONAL_DATA",
                "CHILDBIRTH_ALLOWANCE"), UUID.randomUUID().toString());
        submit(operator(branch), body).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("receipt.missingDocuments", org.hamcrest.Matchers.empty())
                .body("receipt.acceptedDocuments.find { it.code == 'CHILD_BIRTH_CERTIFICATE' }.form", equalTo("FROM_IS"))
                .body("receipt.acceptedDocuments.find { it.code == 'CHILD_BIRTH_CERTIFICATE' }.informationSystem",
                        equalTo("CIVIL_REGISTRY"))
                .body("dataSources.'document.CHILD_BIRTH_CERTIFICATE'", equalTo("CIVIL_REGISTRY"));
        // a targeted assistance file needs nothing presented at all
        Map<String, Object> tsa = form("TARGETED_SOCIAL_ASSISTANCE", branch, SyntheticIins.random().value());
        tsa.put("fields", Map.of("familySize", "4"));
        submit(operator(branch), tsa).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("receipt.missingDocuments", org.hamcrest.Matchers.empty());
    }

    @Test
    void R15_3_aPaymentShortOfTheFeeRefusesWithTheDifference() {
        Map<String, Object> body = form("PASSPORT", branch, SyntheticIins.random().value());
        body.put("payment", payment("30000", "KZT", "PAY-SHORT"));
        submit(operator(branch), body).then().statusCode(201)
                .body("outcome", equalTo("REJECTED"))
                .body("receipt.feeDue", equalTo(34600.0f))
                .body("receipt.feePaid", equalTo(30000))
                .body("receipt.feeShortfall", equalTo(4600.0f));
        Map<String, Object> unpaid = form("ID_CARD", branch, SyntheticIins.random().value());
        unpaid.remove("payment");
        submit(operator(branch), unpaid).then().statusCode(201)
                .body("outcome", equalTo("REJECTED"))
                // 0.2 МРП × 4,325 ₸ = 865 ₸
                .body("receipt.feeShortfall", equalTo(865.0f));
    }

    @Test
    void R15_4_thePopulationRegisterPrefillsTheApplicantAndTheSourceIsRecorded() {
        Map<String, Object> body = form("PASSPORT", branch, Intake.REGISTERED_IIN);
        sub(body, "applicant").remove("fullName");
        String id = submit(operator(branch), body).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("dataSources.'applicant.fullName'", equalTo("POPULATION_REGISTER"))
                .body("dataSources.'applicant.phone'", equalTo("APPLICANT"))
                .extract().path("id");
        given().auth().oauth2(Intake.provider("MVD")).queryParam("status", "SENT_TO_PROVIDER")
                .when().get("/api/v1/provider/applications").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.applicantName", equalTo(Intake.REGISTERED_NAME));
        // a pre-filled service takes the register's name over a typed one; another takes what the operator entered
        Map<String, Object> typed = form("PASSPORT", branch, Intake.REGISTERED_IIN);
        submit(operator(branch), typed).then().statusCode(201)
                .body("dataSources.'applicant.fullName'", equalTo("POPULATION_REGISTER"));
        Map<String, Object> appeal = form("APPEAL", branch, Intake.REGISTERED_IIN);
        submit(operator(branch), appeal).then().statusCode(201)
                .body("dataSources.'applicant.fullName'", equalTo("OPERATOR"));
        // someone the register does not know, with no name entered: the name is a missing field
        Map<String, Object> unknown = form("PASSPORT", branch, SyntheticIins.random().value());
        sub(unknown, "applicant").remove("fullName");
        submit(operator(branch), unknown).then().statusCode(201)
                .body("outcome", equalTo("REJECTED"))
                .body("receipt.missingFields.name", contains("applicant.fullName"));
    }

    @Test
    void R15_2_theIdentityCheckMethodIsRecordedAndAnUnconfirmedOneRefused() {
        for (String method : List.of("ID_CARD", "PASSPORT", "DIGITAL_DOCUMENT", "BIOMETRIC")) {
            Map<String, Object> body = form("CRIMINAL_RECORD", branch, SyntheticIins.random().value());
            sub(body, "identityCheck").put("method", method);
            String id = submit(operator(branch), body).then().statusCode(201).extract().path("id");
            given().auth().oauth2(operator(branch)).when().get("/api/v1/applications/" + id).then()
                    .body("identityMethod", equalTo(method));
        }
        Map<String, Object> unconfirmed = form("CRIMINAL_RECORD", branch, SyntheticIins.random().value());
        sub(unconfirmed, "identityCheck").put("confirmed", false);
        assertNothingStored(unconfirmed, "identity-not-confirmed");
        Map<String, Object> unknownMethod = form("CRIMINAL_RECORD", branch, SyntheticIins.random().value());
        sub(unknownMethod, "identityCheck").put("method", "HANDSHAKE");
        assertNothingStored(unknownMethod, "validation");
    }

    @Test
    void R14_aTrusteeNeedsANotarisedPowerOfAttorneyInForce() {
        Map<String, Object> body = form("CRIMINAL_RECORD", branch, SyntheticIins.random().value());
        Map<String, Object> representative = Map.of("iin", SyntheticIins.random().value(), "fullName", "Доверенное Лицо");
        body.put("appliedBy", Map.of("kind", "TRUSTEE", "representative", representative));
        assertNothingStored(body, "power-of-attorney-invalid");

        body.put("appliedBy", Map.of("kind", "TRUSTEE", "representative", representative, "powerOfAttorney",
                Map.of("number", "N-123", "date", "2024-01-10", "notary", "Нотариус А.", "validUntil", "2025-01-10")));
        assertNothingStored(body, "power-of-attorney-invalid");

        LocalDate today = LocalDate.now(TestClock.ALMATY);
        body.put("appliedBy", Map.of("kind", "TRUSTEE", "representative", representative, "powerOfAttorney",
                Map.of("number", "N-124", "date", today.minusMonths(1).toString(), "notary", "Нотариус А.", "validUntil",
                        today.plusYears(1).toString())));
        String id = submit(operator(branch), body).then().statusCode(201).body("outcome", equalTo("ACCEPTED"))
                .body("appliedBy", equalTo("TRUSTEE")).extract().path("id");
        given().auth().oauth2(Intake.provider("GP")).queryParam("status", "SENT_TO_PROVIDER")
                .when().get("/api/v1/provider/applications").then()
                .body("find { it.id == '" + id + "' }.poaNumber", equalTo("N-124"))
                .body("find { it.id == '" + id + "' }.representativeName", equalTo("Доверенное Лицо"));

        Map<String, Object> legal = form("CRIMINAL_RECORD", branch, SyntheticIins.random().value());
        legal.put("appliedBy", Map.of("kind", "LEGAL_REPRESENTATIVE", "representative", representative));
        assertNothingStored(legal, "representative-authority-missing");
        legal.put("appliedBy", Map.of("kind", "LEGAL_REPRESENTATIVE", "representative",
                Map.of("iin", SyntheticIins.random().value(), "fullName", "Ата-ана", "authority", "свидетельство о рождении №123")));
        submit(operator(branch), legal).then().statusCode(201).body("appliedBy", equalTo("LEGAL_REPRESENTATIVE"));
    }

    @Test
    void R13_anAppealNamesItsAddresseeAndGoesThere() {
        Map<String, Object> body = form("APPEAL", branch, SyntheticIins.random().value());
        String id = submit(operator(branch), body).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("serviceKind", equalTo("APPEAL"))
                .body("provider", equalTo("MLSPP"))
                .body("addressee", equalTo("MLSPP"))
                .body("resultKind", equalTo("ANSWER"))
                .extract().path("id");
        given().auth().oauth2(Intake.provider("MLSPP")).queryParam("status", "SENT_TO_PROVIDER")
                .when().get("/api/v1/provider/applications").then().body("id", hasItem(id));
        given().auth().oauth2(Intake.provider("MVD")).queryParam("status", "SENT_TO_PROVIDER")
                .when().get("/api/v1/provider/applications").then().body("id", not(hasItem(id)));

        Map<String, Object> nowhere = form("APPEAL", branch, SyntheticIins.random().value());
        nowhere.remove("addressee");
        assertNothingStored(nowhere, "appeal-addressee-invalid");
        nowhere.put("addressee", "NASA");
        assertNothingStored(nowhere, "appeal-addressee-invalid");
    }

    @Test
    void badInputIsAProblemInKazakhOrRussianAndNothingIsStored() {
        Map<String, Object> badIin = form("PASSPORT", branch, "123456789012");
        assertNothingStored(badIin, null);
        Map<String, Object> unknownService = form("PASSPORT", branch, SyntheticIins.random().value());
        unknownService.put("serviceCode", "TELEPORTATION");
        assertNothingStored(unknownService, "unknown-service");
        Map<String, Object> negative = form("PASSPORT", branch, SyntheticIins.random().value());
        negative.put("payment", payment("-5", "KZT", "P"));
        assertNothingStored(negative, "validation");
        Map<String, Object> dollars = form("PASSPORT", branch, SyntheticIins.random().value());
        dollars.put("payment", payment("34600", "USD", "P"));
        assertNothingStored(dollars, "validation");
        Map<String, Object> unknownField = form("PASSPORT", branch, SyntheticIins.random().value());
        unknownField.put("fields", Map.of("reason", "x", "favouriteColour", "blue"));
        assertNothingStored(unknownField, "unknown-field");
        Map<String, Object> wrongType = form("CHILDBIRTH_ALLOWANCE", branch, SyntheticIins.random().value());
        wrongType.put("fields", Map.of("childBirthDate", "yesterday", "childOrder", "2", "bankAccount", "KZ12345678901234567X"));
        assertNothingStored(wrongType, "validation");
        Map<String, Object> unsigned = form("PASSPORT", branch, SyntheticIins.random().value());
        unsigned.put("signature", null);
        assertNothingStored(unsigned, "validation");
        Map<String, Object> garbage = form("PASSPORT", branch, SyntheticIins.random().value());
        garbage.put("signature", "bm90IGEgc2lnbmF0dXJl");
        assertNothingStored(garbage, "signature-malformed");
        // signed, then changed: the operator's EDS no longer covers what is submitted
        Map<String, Object> altered = new java.util.HashMap<>(Intake.signed(form("PASSPORT", branch, SyntheticIins.random().value())));
        altered.put("language", "ru".equals(altered.get("language")) ? "kk" : "ru");
        assertNothingStored(altered, "signature-invalid");
        Map<String, Object> unknownDoc = form("PASSPORT", branch, SyntheticIins.random().value());
        unknownDoc.put("documents", List.of(doc("DIPLOMA", "ORIGINAL")));
        assertNothingStored(unknownDoc, "unknown-document");

        given().auth().oauth2(operator(branch)).header("Accept-Language", "kk").contentType("application/json")
                .body(Intake.signed(unknownService)).when().post("/api/v1/applications").then().statusCode(422)
                .body("userMessage", equalTo("Мұндай қызмет тізілімде жоқ"));
        given().auth().oauth2(operator(branch)).contentType("application/json").body("[1,2]")
                .when().post("/api/v1/applications").then().statusCode(422);
        given().auth().oauth2(operator(branch)).contentType("application/json").body("{not json")
                .when().post("/api/v1/applications").then().statusCode(400);
    }

    @Test
    void anOperatorActsOnlyAtTheirOwnBranchAndSignsWithTheirOwnIin() {
        Map<String, Object> body = form("PASSPORT", branch, SyntheticIins.random().value());
        submit(operator("ZZZ-99"), body).then().statusCode(403);
        String noIin = kz.gfc.kit.testing.ServiceContract.token("op-noiin", Map.of("branch", branch), "operator");
        submit(noIin, body).then().statusCode(403);
        submit(Intake.citizen(SyntheticIins.random()), body).then().statusCode(403);
        assertThat(count("branch_code = '" + branch + "'")).isZero();
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyIsRecordedOnce() {
        Map<String, Object> body = Intake.signed(form("PASSPORT", branch, SyntheticIins.random().value()));
        String token = operator(branch);
        String key = "intake-" + UUID.randomUUID();
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String again = given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/v1/applications").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(count("branch_code = '" + branch + "'")).isEqualTo(1);
    }

    @Test
    void R16_theReceiptIsInTheLanguageTheApplicantChose() {
        Map<String, Object> ru = form("PASSPORT", branch, SyntheticIins.random().value());
        ru.put("language", "ru");
        submit(operator(branch), ru).then().statusCode(201)
                .body("language", equalTo("ru"))
                .body("receipt.language", equalTo("ru"))
                .body("receipt.serviceNameRu", equalTo("Выдача паспорта гражданина Республики Казахстан"))
                .body("receipt.acceptedDocuments[0].nameRu", equalTo("Удостоверение личности"));
        Map<String, Object> kk = form("PASSPORT", branch, SyntheticIins.random().value());
        kk.put("documents", List.of());
        submit(operator(branch), kk).then().statusCode(201)
                .body("receipt.language", equalTo("kk"))
                .body("receipt.missingDocuments[0].nameKk", equalTo("Жеке куәлік"));
        Map<String, Object> de = form("PASSPORT", branch, SyntheticIins.random().value());
        de.put("language", "de");
        assertNothingStored(de, "validation");
    }

    @Test
    void R8_theSignedContentIsTheCanonicalJsonOfTheBodyWithoutItsSignature() throws Exception {
        Map<String, Object> body = form("PASSPORT", branch, SyntheticIins.random().value());
        String sha = submit(operator(branch), body).then().statusCode(201).extract().path("receipt.signedContentSha256");
        Map<String, Object> unsigned = new java.util.HashMap<>(body);
        unsigned.remove("signature");
        byte[] canonical = new org.erdtman.jcs.JsonCanonicalizer(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(unsigned)).getEncodedUTF8();
        assertThat(sha).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(canonical)));
    }

    private void assertNothingStored(Map<String, Object> body, String code) {
        long before = count("branch_code = '" + branch + "'");
        var then = submit(operator(branch), body).then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("userMessage", notNullValue());
        if (code != null) {
            then.body("code", equalTo(code));
        }
        assertThat(count("branch_code = '" + branch + "'")).isEqualTo(before);
    }

    long count(String where) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM application WHERE " + where);
                ResultSet r = ps.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
