package kz.gfc.intake;

import static io.restassured.RestAssured.given;
import static kz.gfc.intake.Intake.form;
import static kz.gfc.intake.Intake.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R17: certified e-copies: type by content, a size limit, the SHA-256 named in the signed body. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R17CertifiedCopyTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final String branch = Intake.branch();

    @Test
    void R17_aCopyIsStoredWithItsHashAndCoveredByTheSignedApplication() throws Exception {
        String operator = Intake.operator(branch);
        Response uploaded = upload(operator, PDF, "application/pdf", "SERVICE_RECORD");
        uploaded.then().statusCode(201).body("mediaType", equalTo("application/pdf")).body("sizeBytes", equalTo(PDF.length));
        String copyId = uploaded.path("id");
        String sha = uploaded.path("sha256");
        assertThat(sha).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));

        Iin iin = SyntheticIins.random();
        TestFakes.CONSENTS.put(TestFakes.key(iin.value(), "MLSPP", "PERSONAL_DATA", "AGE_PENSION"), "c-" + UUID.randomUUID());
        Map<String, Object> body = form("AGE_PENSION", branch, iin.value());
        body.put("copies", List.of(Map.of("id", copyId, "sha256", sha)));
        String id = submit(operator, body).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("copies[0].id", equalTo(copyId))
                .body("copies[0].sha256", equalTo(sha))
                .body("copies[0].documentCode", equalTo("SERVICE_RECORD"))
                .extract().path("id");
        byte[] back = given().auth().oauth2(Intake.provider("MLSPP")).when().get("/api/v1/applications/" + id + "/copies/" + copyId)
                .then().statusCode(200).header("X-Content-SHA256", sha).extract().asByteArray();
        assertThat(back).isEqualTo(PDF);

        // bound once: another application cannot name it again
        Map<String, Object> again = form("AGE_PENSION", branch, SyntheticIins.random().value());
        again.put("copies", List.of(Map.of("id", copyId, "sha256", sha)));
        submit(operator, again).then().statusCode(422).body("code", equalTo("copy-invalid"));
    }

    @Test
    void R17_aCopyNamedWithAnotherHashOrOfAnotherOperatorOrForAServiceWithoutCopiesIsRefused() {
        String operator = Intake.operator(branch);
        String copyId = upload(operator, PNG, "image/png", "SERVICE_RECORD").then().statusCode(201).extract().path("id");
        Map<String, Object> body = form("AGE_PENSION", branch, SyntheticIins.random().value());
        body.put("copies", List.of(Map.of("id", copyId, "sha256", "0".repeat(64))));
        submit(operator, body).then().statusCode(422).body("code", equalTo("copy-invalid"));

        String theirs = upload(Intake.operator(branch), PNG, "image/png", "SERVICE_RECORD").then().statusCode(201).extract().path("id");
        String theirSha = upload(Intake.operator(branch), PNG, "image/png", "SERVICE_RECORD").path("sha256");
        body.put("copies", List.of(Map.of("id", theirs, "sha256", theirSha)));
        submit(operator, body).then().statusCode(422).body("code", equalTo("copy-invalid"));

        Map<String, Object> passport = form("PASSPORT", branch, SyntheticIins.random().value());
        passport.put("copies", List.of(Map.of("id", copyId, "sha256", theirSha)));
        submit(operator, passport).then().statusCode(422).body("code", equalTo("copies-not-provided-for"));
    }

    @Test
    void R17_theTypeIsCheckedByContentAndTheSizeIsLimited() {
        String operator = Intake.operator(branch);
        upload(operator, PDF, "image/png", "SERVICE_RECORD").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("copy-type-mismatch"));
        upload(operator, "MZ\u0090\u0000 not a scan".getBytes(StandardCharsets.ISO_8859_1), "application/pdf", "SERVICE_RECORD")
                .then().statusCode(422).body("code", equalTo("copy-type-mismatch"));
        upload(operator, PDF, "text/plain", "SERVICE_RECORD").then().statusCode(415)
                .contentType(startsWith("application/problem+json"));
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        upload(operator, huge, "application/pdf", "SERVICE_RECORD").then().statusCode(413)
                .contentType(startsWith("application/problem+json"));
        upload(operator, new byte[0], "application/pdf", "SERVICE_RECORD").then().statusCode(422);
        upload(operator, PDF, "application/pdf", "bad code").then().statusCode(422);
        upload(Intake.operator("ZZZ-01"), PDF, "application/pdf", "SERVICE_RECORD").then().statusCode(403);
    }

    private Response upload(String token, byte[] content, String type, String document) {
        return given().auth().oauth2(token).contentType(type).body(content)
                .queryParam("document", document).queryParam("branch", branch)
                .when().post("/api/v1/applications/copies");
    }
}
