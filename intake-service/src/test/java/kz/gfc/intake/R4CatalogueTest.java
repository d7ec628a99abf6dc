package kz.gfc.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R4/R5/R10/R24: the catalogue is data, public, in kk and ru, versioned by admins' edits. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R4CatalogueTest {

    @Test
    void R4_R5_theCatalogueIsLoadedFromItsDataFileAndCoversEveryKindDeliveryAndRetention() {
        JsonPath all = given().when().get("/api/v1/services").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("code")).hasSizeGreaterThanOrEqualTo(10)
                .contains("ID_CARD", "PASSPORT", "CRIMINAL_RECORD", "AGE_PENSION", "APPEAL", "EXPRESS_ID_CARD");
        assertThat(all.getList("kind")).contains("SERVICE", "APPEAL", "ADDITIONAL");
        assertThat(all.getList("delivery")).contains("ELECTRONIC", "PAPER");
        assertThat(all.getList("retentionClass")).contains("STANDARD", "SOCIAL_EXEMPT", "IDENTITY_DOCUMENT");
        assertThat(all.getList("provider")).contains("MVD", "MLSPP", "GP", "MJ");
    }

    @Test
    void R5_anEntryCarriesItsActsParametersAndAFeeInMrpFollowsTheIndexInForce() {
        given().header("Accept-Language", "ru").when().get("/api/v1/services/PASSPORT").then().statusCode(200)
                .body("name", equalTo("Выдача паспорта гражданина Республики Казахстан"))
                .body("termWorkingDays", equalTo(15))
                .body("fee.mrp", equalTo(8))
                // 8 МРП × 4,325 ₸ (2026)
                .body("fee.dueToday", equalTo(34600.0f))
                .body("delivery", equalTo("PAPER"))
                .body("resultKind", equalTo("PASSPORT"))
                .body("retentionClass", equalTo("IDENTITY_DOCUMENT"))
                .body("documents[0].code", equalTo("IDENTITY_CARD"))
                .body("documents[0].originalForVerification", equalTo(true))
                .body("fields[0].name", equalTo("reason"))
                .body("fields[0].mandatory", equalTo(true));
        given().when().get("/api/v1/services/CHILDBIRTH_ALLOWANCE?lang=kk").then().statusCode(200)
                .body("language", equalTo("kk"))
                .body("name", equalTo("Бала тууына байланысты біржолғы жәрдемақы тағайындау"))
                .body("documents.find { it.code == 'CHILD_BIRTH_CERTIFICATE' }.obtainableFromIS", equalTo(true))
                .body("consentScopes", hasItem("PERSONAL_DATA"))
                .body("retentionClass", equalTo("SOCIAL_EXEMPT"));
    }

    @Test
    void R4_theCatalogueFiltersByProviderAndKind() {
        given().when().get("/api/v1/services?provider=MLSPP&kind=SERVICE").then().statusCode(200)
                .body("provider", everyItem(equalTo("MLSPP")))
                .body("kind", everyItem(equalTo("SERVICE")))
                .body("code", hasItem("AGE_PENSION"));
        // an appeal may be addressed to any of its bodies
        given().when().get("/api/v1/services?provider=GP").then().statusCode(200)
                .body("code", hasItem("APPEAL")).body("code", hasItem("CRIMINAL_RECORD"));
        given().when().get("/api/v1/services?kind=NOPE").then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/api/v1/services/NO_SUCH").then().statusCode(404);
    }

    @Test
    void R24_additionalPaidServicesCarryTheirFeeInTenge() {
        given().when().get("/api/v1/services?kind=ADDITIONAL").then().statusCode(200)
                .body("code", hasItem("EXPRESS_ID_CARD"))
                .body("find { it.code == 'EXPRESS_ID_CARD' }.fee.tenge", equalTo(4983))
                .body("find { it.code == 'EXPRESS_ID_CARD' }.fee.dueToday", equalTo(4983.0f));
    }

    @Test
    void R4_anAdminEditPublishesANewVersionAndAnApplicationKeepsItsOwn() {
        String branch = Intake.branch();
        String before = Intake.submit(Intake.operator(branch), Intake.form("CRIMINAL_RECORD", branch, SyntheticIins.random().value()))
                .then().statusCode(201).extract().path("id");
        int versionBefore = given().when().get("/api/v1/services/CRIMINAL_RECORD").then().extract().path("catalogueVersion");

        Map<String, Object> edited = definition("CRIMINAL_RECORD");
        edited.put("nameRu", "Справка о судимости (новая редакция)");
        int versionAfter = given().auth().oauth2(Intake.admin()).contentType("application/json").body(edited)
                .when().put("/api/v1/services/CRIMINAL_RECORD").then().statusCode(200)
                .body("nameRu", equalTo("Справка о судимости (новая редакция)"))
                .extract().path("catalogueVersion");
        assertThat(versionAfter).isGreaterThan(versionBefore);
        given().when().get("/api/v1/services/CRIMINAL_RECORD?lang=ru").then().body("name", equalTo("Справка о судимости (новая редакция)"));

        given().auth().oauth2(Intake.operator(branch)).when().get("/api/v1/applications/" + before).then().statusCode(200)
                .body("catalogueVersion", equalTo(versionBefore))
                .body("receipt.serviceNameRu", equalTo("Выдача справки о наличии либо отсутствии судимости"));
    }

    @Test
    void R5_anInvalidDefinitionIsRefusedAndNothingIsPublished() {
        int version = given().when().get("/api/v1/services/PASSPORT").then().extract().path("catalogueVersion");
        Map<String, Object> bad = definition("PASSPORT");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) bad.get("fields");
        fields.get(0).put("type", "HOLOGRAM");
        given().auth().oauth2(Intake.admin()).contentType("application/json").body(bad)
                .when().put("/api/v1/services/PASSPORT").then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        Map<String, Object> both = definition("PASSPORT");
        both.put("fee", Map.of("tenge", 100, "mrp", 1));
        given().auth().oauth2(Intake.admin()).contentType("application/json").body(both)
                .when().put("/api/v1/services/PASSPORT").then().statusCode(422);
        given().auth().oauth2(Intake.operator("ALM-01")).contentType("application/json").body(definition("PASSPORT"))
                .when().put("/api/v1/services/PASSPORT").then().statusCode(403);
        given().when().get("/api/v1/services/PASSPORT").then().body("catalogueVersion", equalTo(version));
    }

    /** The entry as the admin API takes it, rebuilt from the public view. */
    static Map<String, Object> definition(String code) {
        Map<String, Object> view = given().when().get("/api/v1/services/" + code + "?lang=ru").then().extract().jsonPath().getMap("");
        Map<String, Object> d = new java.util.HashMap<>();
        for (String k : List.of("code", "nameKk", "nameRu", "provider", "kind", "addressees", "termWorkingDays", "termMinutes",
                "delivery", "prefilledFromIS", "resultKind", "retentionClass", "consentScopes", "certifiedCopy", "basis", "note")) {
            if (view.get(k) != null) {
                d.put(k, view.get(k));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fee = (Map<String, Object>) view.get("fee");
        Map<String, Object> f = new java.util.HashMap<>();
        if (fee.get("tenge") != null) {
            f.put("tenge", fee.get("tenge"));
        }
        if (fee.get("mrp") != null) {
            f.put("mrp", fee.get("mrp"));
        }
        d.put("fee", f);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> docs = (List<Map<String, Object>>) view.get("documents");
        d.put("documents", docs.stream().map(x -> {
            Map<String, Object> m = new java.util.HashMap<>(x);
            m.put("nameRu", m.remove("name"));
            m.put("nameKk", m.get("nameRu"));
            m.values().removeIf(java.util.Objects::isNull);
            return m;
        }).toList());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) view.get("fields");
        d.put("fields", new java.util.ArrayList<>(fields.stream().map(x -> {
            Map<String, Object> m = new java.util.HashMap<>(x);
            m.put("labelRu", m.remove("label"));
            m.put("labelKk", m.get("labelRu"));
            return m;
        }).toList()));
        return d;
    }
}
