package kz.gfc.intake;

import static io.restassured.RestAssured.given;
import static kz.gfc.intake.Intake.form;
import static kz.gfc.intake.Intake.operator;
import static kz.gfc.intake.Intake.submit;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R26: providers have their own role and API, and see only their own applications; status follows issuance. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R26ProviderTest {

    private final String branch = Intake.branch();

    @Test
    void R26_aProviderSeesOnlyItsOwnAndAcknowledgesThem() {
        String passport = submit(operator(branch), form("PASSPORT", branch, SyntheticIins.random().value())).then()
                .statusCode(201).extract().path("id");
        String record = submit(operator(branch), form("CRIMINAL_RECORD", branch, SyntheticIins.random().value())).then()
                .statusCode(201).extract().path("id");

        given().auth().oauth2(Intake.provider("MVD")).when().get("/api/v1/provider/applications").then().statusCode(200)
                .body("id", hasItem(passport)).body("id", not(hasItem(record)))
                .body("status", everyItem(equalTo("SENT_TO_PROVIDER")));
        given().auth().oauth2(Intake.provider("GP")).when().get("/api/v1/provider/applications").then()
                .body("id", hasItem(record)).body("id", not(hasItem(passport)));
        // another body's application is not there for it, neither to read nor to acknowledge
        given().auth().oauth2(Intake.provider("GP")).when().get("/api/v1/applications/" + passport).then().statusCode(404);
        given().auth().oauth2(Intake.provider("GP")).when().post("/api/v1/provider/applications/" + passport + "/acknowledgement")
                .then().statusCode(404);
        // a provider token that names no body sees nothing
        given().auth().oauth2(kz.gfc.kit.testing.ServiceContract.token("nobody", "provider"))
                .when().get("/api/v1/provider/applications").then().statusCode(200).body("size()", equalTo(0));
        // and operators are not providers
        given().auth().oauth2(operator(branch)).when().get("/api/v1/provider/applications").then().statusCode(403);

        given().auth().oauth2(Intake.provider("MVD")).when().post("/api/v1/provider/applications/" + passport + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        given().auth().oauth2(Intake.provider("MVD")).when().post("/api/v1/provider/applications/" + passport + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        given().auth().oauth2(Intake.provider("MVD")).queryParam("status", "ACKNOWLEDGED")
                .when().get("/api/v1/provider/applications").then().body("id", hasItem(passport));
        given().auth().oauth2(Intake.provider("MVD")).queryParam("status", "BOGUS")
                .when().get("/api/v1/provider/applications").then().statusCode(422);
    }

    @Test
    void R26_theStatusFollowsDocumentReadyIssuedAndReturned() {
        Iin iin = SyntheticIins.random();
        String issued = submit(operator(branch), form("PASSPORT", branch, iin.value())).then().statusCode(201).extract().path("id");
        String returned = submit(operator(branch), form("CRIMINAL_RECORD", branch, SyntheticIins.random().value())).then()
                .statusCode(201).extract().path("id");

        Events.send("gfc.documents.v1", "kz.gfc.document.ready.v1", "BC-1", "{\"barcode\":\"BC-1\",\"applicationId\":\"" + issued
                + "\",\"provider\":\"MVD\",\"branchCode\":\"" + branch + "\",\"readyAt\":\"2026-12-01T05:00:00Z\",\"via\":\"PAPER\"}");
        awaitStatus(issued, "READY");
        // the applicant sees their own application's progress with their own token
        given().auth().oauth2(Intake.citizen(iin)).when().get("/api/v1/applications/" + issued).then().statusCode(200)
                .body("status", equalTo("READY"));
        given().auth().oauth2(Intake.citizen(SyntheticIins.random())).when().get("/api/v1/applications/" + issued).then()
                .statusCode(404);
        Events.send("gfc.documents.v1", "kz.gfc.document.issued.v1", "BC-1", "{\"barcode\":\"BC-1\",\"applicationId\":\"" + issued
                + "\",\"branchCode\":\"" + branch + "\",\"recipient\":\"SELF\",\"issuedAt\":\"2026-12-02T05:00:00Z\",\"operatorId\":\"op\"}");
        awaitStatus(issued, "ISSUED");

        Events.send("gfc.documents.v1", "kz.gfc.document.ready.v1", "BC-2", "{\"barcode\":\"BC-2\",\"applicationId\":\"" + returned
                + "\",\"provider\":\"GP\",\"branchCode\":\"" + branch + "\",\"readyAt\":\"2026-12-01T05:00:00Z\",\"via\":\"ELECTRONIC\"}");
        Events.send("gfc.documents.v1", "kz.gfc.document.returned.v1", "BC-2", "{\"barcode\":\"BC-2\",\"applicationId\":\"" + returned
                + "\",\"provider\":\"GP\",\"branchCode\":\"" + branch + "\",\"reason\":\"UNCLAIMED\",\"returnedAt\":\"2027-01-05T05:00:00Z\"}");
        awaitStatus(returned, "RETURNED");
    }

    @Test
    void theApplicantsContactIsForGfcServicesOnly() {
        String id = submit(operator(branch), form("PASSPORT", branch, SyntheticIins.random().value())).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Intake.service()).when().post("/api/v1/applications/" + id + "/contact").then().statusCode(200)
                .body("phone", equalTo("+77011234567")).body("language", equalTo("kk"));
        given().auth().oauth2(operator(branch)).when().post("/api/v1/applications/" + id + "/contact").then().statusCode(403);
        given().auth().oauth2(Intake.service()).when().post("/api/v1/applications/" + java.util.UUID.randomUUID() + "/contact")
                .then().statusCode(404);
        var noPhone = form("CRIMINAL_RECORD", branch, SyntheticIins.random().value());
        Intake.sub(noPhone, "applicant").remove("phone");
        String quiet = submit(operator(branch), noPhone).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Intake.service()).when().post("/api/v1/applications/" + quiet + "/contact").then().statusCode(200)
                .body("phone", nullValue());
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator(branch))
                .when().get("/api/v1/applications/" + id).then().body("status", equalTo(status)));
    }
}
