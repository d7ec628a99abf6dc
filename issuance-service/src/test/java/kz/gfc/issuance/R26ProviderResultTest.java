package kz.gfc.issuance;

import static kz.gfc.issuance.Packages.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import kz.gfc.issuance.domain.ProviderResult;
import kz.gfc.issuance.events.DocumentReady;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R26ProviderResultTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void R26_onlyTheOwnProviderSendsAResultItsFileIsCheckedAndDocumentReadyGoesOutOnce() {
        String b = Packages.opened("KAR-01", "GP", "ELECTRONIC", "STANDARD");
        String path = "/api/v1/packages/" + b + "/result";

        // another provider's system neither sees nor touches the package
        provider("MVD").body("{\"title\":\"Certificate of no criminal record\"}").post(path).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        provider("MVD").get("/api/v1/packages/" + b).then().statusCode(404);
        Packages.as("svc-noclaim", Map.of(), "provider").body("{\"title\":\"x\"}").post(path).then().statusCode(404);
        withFile("MVD", path, PDF).then().statusCode(404);
        provider("GP").get("/api/v1/packages/" + b).then().statusCode(200).body("status", equalTo("AT_PROVIDER"));
        // staff cannot post a provider's result
        Packages.operator("KAR-01").body("{\"title\":\"x\"}").post(path).then().statusCode(403);

        withFile("GP", path, "MZ\u0090\u0000 not a document".getBytes(StandardCharsets.ISO_8859_1)).then()
                .statusCode(422).body("type", equalTo("https://gfc.kz/problems/result-file-type"));
        byte[] huge = Arrays.copyOf(PDF, 70 * 1024); // over the test limit of 64 KiB, under the HTTP body limit
        withFile("GP", path, huge).then()
                .statusCode(422).body("type", equalTo("https://gfc.kz/problems/result-file-too-large"));
        provider("GP").body("{\"documentNumber\":\"123\"}").post(path).then().statusCode(422);
        provider("GP").body("{\"title\":\"x\",\"fileBase64\":\"%%%not base64\"}").post(path).then().statusCode(422);
        assertThat(Packages.load(b).status.name()).isEqualTo("AT_PROVIDER");
        assertThat(Packages.outbox(DocumentReady.TYPE, b)).isZero();

        withFile("GP", path, PDF).then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("chain[0].scan", equalTo("ELECTRONIC_RESULT"))
                .body("chainVerified", equalTo(true));
        ProviderResult r = QuarkusTransaction.requiringNew()
                .call(() -> ProviderResult.<ProviderResult>findById(Packages.load(b).id));
        assertThat(r.fileType).isEqualTo("application/pdf");
        assertThat(r.fileSize).isEqualTo(PDF.length);
        assertThat(r.title).isEqualTo("Certificate of no criminal record");

        // a second result is refused: the first one made the package ready, once
        provider("GP").body("{\"title\":\"again\"}").post(path).then().statusCode(409)
                .body("currentStatus", equalTo("RECEIVED"));
        assertThat(Packages.outbox(DocumentReady.TYPE, b)).isEqualTo(1);
        List<ConsumerRecord<String, String>> ready = KafkaProbe.read(KafkaProbe.ownTopic(),
                x -> b.equals(x.key()) && DocumentReady.TYPE.equals(KafkaProbe.header(x, CloudEventHeaders.TYPE)), 1,
                Duration.ofSeconds(30));
        assertThat(ready).hasSize(1);
        JsonPath e = JsonPath.from(ready.get(0).value());
        assertThat(e.getString("via")).isEqualTo("ELECTRONIC");
        assertThat(e.getString("provider")).isEqualTo("GP");
        assertThat(e.getString("branchCode")).isEqualTo("KAR-01");
        assertThat(e.getString("readyAt")).isNotBlank();
    }

    @Test
    void R26_aProviderMayNameTheApplicationInsteadOfTheBarcode() {
        Packages.Application a = Packages.accepted("KAR-01", "MLSPP", "ELECTRONIC", "SOCIAL_EXEMPT");
        String b = Packages.barcodeOf(a);
        String path = "/api/v1/packages/by-application/" + a.id() + "/result";
        provider("MJ").body("{\"title\":\"Decision\"}").post(path).then().statusCode(404);
        provider("MLSPP").body("{\"title\":\"Decision\"}").post("/api/v1/packages/by-application/"
                + java.util.UUID.randomUUID() + "/result").then().statusCode(404);
        provider("MLSPP").body("{\"title\":\"Decision\"}").post("/api/v1/packages/by-application/not-a-uuid/result")
                .then().statusCode(404);
        provider("MLSPP").body("{\"title\":\"Pension decision\"}").post(path).then().statusCode(200)
                .body("barcode", equalTo(b)).body("status", equalTo("RECEIVED"));
        assertThat(Packages.outbox(DocumentReady.TYPE, b)).isEqualTo(1);
    }

    @Test
    void R26_aPaperPackageTakesNoElectronicResult() {
        String b = Packages.opened("KAR-01", "MJ", "PAPER", "STANDARD");
        Packages.scan("KAR-01", b, "HANDED_TO_PROVIDER", null).then().statusCode(200);
        provider("MJ").body("{\"title\":\"Birth certificate\"}").post("/api/v1/packages/" + b + "/result").then()
                .statusCode(409).body("type", equalTo("https://gfc.kz/problems/paper-delivery"));
        assertThat(Packages.load(b).status.name()).isEqualTo("AT_PROVIDER");
    }

    private static io.restassured.response.Response withFile(String providerCode, String path, byte[] file) {
        return provider(providerCode).body("{\"title\":\"Certificate of no criminal record\",\"documentNumber\":\"GP-1\","
                + "\"fileBase64\":\"" + Base64.getEncoder().encodeToString(file) + "\"}").post(path);
    }
}
