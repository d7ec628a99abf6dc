package kz.gfc.intake.receipt;

import static io.restassured.RestAssured.given;
import static kz.gfc.intake.Intake.form;
import static kz.gfc.intake.Intake.operator;
import static kz.gfc.intake.Intake.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.intake.Intake;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R15.5, R16: the receipt as a page and as a PDF in the applicant's language, and the public check behind its QR code. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReceiptEndpointsTest {

    private final String branch = Intake.branch();

    @Test
    void R16_theReceiptIsAPageAndAPdfInKazakhAndItsQrLinkVerifiesItWithoutNamingTheApplicant() throws Exception {
        String iin = SyntheticIins.random().value();
        Response accepted = submit(operator(branch), form("PASSPORT", branch, iin));
        accepted.then().statusCode(201).body("outcome", equalTo("ACCEPTED"));
        String id = accepted.jsonPath().getString("id");
        String number = accepted.jsonPath().getString("receipt.number");
        String op = operator(branch);

        given().auth().oauth2(op).accept("application/json").get("/api/v1/applications/" + id + "/receipt").then()
                .statusCode(200).body("number", equalTo(number));

        String html = given().auth().oauth2(op).accept("text/html").get("/api/v1/applications/" + id + "/receipt").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
        assertThat(html).contains(number, "Қолхат", Intake.OPERATOR_NAME, "<svg").doesNotContain(iin);

        byte[] pdf = given().auth().oauth2(op).accept("application/pdf").get("/api/v1/applications/" + id + "/receipt")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains(number, "Дайын", Intake.OPERATOR_NAME).doesNotContain(iin);

        // the QR code's link: anyone may open it; it says the receipt is genuine and names no person
        int at = html.indexOf("href=\"") + 6;
        String link = html.substring(at, html.indexOf('"', at)).replace("&amp;", "&");
        assertThat(link).contains("/api/v1/applications/receipts/" + number + "/verify?code=");
        URI uri = URI.create(link);
        String code = uri.getQuery().substring("code=".length());
        given().get("/api/v1/applications/receipts/" + number + "/verify?code=" + code).then().statusCode(200)
                .body("number", equalTo(number)).body("outcome", equalTo("ACCEPTED"))
                .body("serviceCode", equalTo("PASSPORT")).body("readyDate", org.hamcrest.Matchers.notNullValue())
                .body("operatorName", nullValue()).body("applicantIin", nullValue());
        given().get("/api/v1/applications/receipts/" + number + "/verify?code=AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404);
        given().get("/api/v1/applications/receipts/" + number + "/verify").then().statusCode(404);
        given().accept("text/html").get("/api/v1/applications/" + id + "/receipt").then().statusCode(401);
        given().auth().oauth2(Intake.provider("MJ")).accept("application/pdf")
                .get("/api/v1/applications/" + id + "/receipt").then().statusCode(404);
    }
}
