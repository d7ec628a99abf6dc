package kz.gfc.issuance;

import static kz.gfc.issuance.Packages.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import kz.gfc.issuance.domain.IssuanceRecord;
import kz.gfc.issuance.events.DocumentIssued;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R19IssuanceTest {

    static final String BRANCH = "SHY-01";

    private static Packages.Application atDesk() {
        Packages.Application a = Packages.accepted(BRANCH, "MJ", "PAPER", "STANDARD");
        Packages.toDesk(BRANCH, Packages.barcodeOf(a));
        return a;
    }

    private static String issue(String b, String body, int status) {
        return operator(BRANCH).body(body).post("/api/v1/packages/" + b + "/issue").then().statusCode(status)
                .contentType(status == 200 ? startsWith("application/json") : startsWith("application/problem+json"))
                .extract().asString();
    }

    @Test
    void R19_theApplicantTakesTheirOwnResultOnTheirIdCard() {
        Packages.Application a = atDesk();
        String b = Packages.barcodeOf(a);
        JsonPath view = JsonPath.from(issue(b, Packages.self(a.applicant()), 200));
        assertThat(view.getString("status")).isEqualTo("ISSUED");
        assertThat(view.getString("issuedAt")).isNotBlank();
        IssuanceRecord r = record(b);
        assertThat(r.recipient).isEqualTo("SELF");
        assertThat(r.recipientPseudonym).isEqualTo(Packages.PSEUDONYMS.pseudonym(a.applicant()));
        assertThat(r.identityDocument).isEqualTo("ID_CARD");
        assertThat(r.identityNumberMasked).isEqualTo("*****3987");
        assertThat(r.operatorId).isEqualTo("op-" + BRANCH);
        assertThat(r.window).isEqualTo(7);

        List<ConsumerRecord<String, String>> issued = KafkaProbe.read(KafkaProbe.ownTopic(),
                x -> b.equals(x.key()) && DocumentIssued.TYPE.equals(KafkaProbe.header(x, CloudEventHeaders.TYPE)), 1,
                Duration.ofSeconds(30));
        assertThat(issued).hasSize(1);
        JsonPath e = JsonPath.from(issued.get(0).value());
        assertThat(e.getString("recipient")).isEqualTo("SELF");
        assertThat(e.getString("applicationId")).isEqualTo(a.id().toString());
        assertThat(e.getString("operatorId")).isEqualTo("op-" + BRANCH);
        assertThat(e.getString("branchCode")).isEqualTo(BRANCH);
    }

    @Test
    void R19_aRepresentativeWithAValidPowerOfAttorneyTakesIt() {
        Packages.Application a = atDesk();
        String b = Packages.barcodeOf(a);
        Iin representative = SyntheticIins.random();
        issue(b, Packages.representative(representative, a.applicant(), today().toString()), 200); // valid through today
        IssuanceRecord r = record(b);
        assertThat(r.recipient).isEqualTo("REPRESENTATIVE");
        assertThat(r.recipientPseudonym).isEqualTo(Packages.PSEUDONYMS.pseudonym(representative));
        assertThat(r.poaNumber).isEqualTo("POA-77");
        assertThat(r.poaNotary).isEqualTo("Notary A. Seitkali, Almaty");
        assertThat(r.poaValidUntil).isEqualTo(today());
        assertThat(Packages.outbox(DocumentIssued.TYPE, b)).isEqualTo(1);
    }

    @Test
    void R19_aWrongPersonIsRefusedAndNothingChanges() {
        Packages.Application a = atDesk();
        String b = Packages.barcodeOf(a);
        Iin stranger = SyntheticIins.random();
        JsonPath p = JsonPath.from(issue(b, Packages.self(stranger), 422));
        assertThat(p.getString("type")).isEqualTo("https://gfc.kz/problems/recipient-mismatch");
        // a real power of attorney, but for somebody else
        issue(b, Packages.representative(SyntheticIins.random(), stranger, "2099-01-01"), 422);
        // nor anybody else showing their own card
        issue(b, Packages.self(SyntheticIins.random()), 422);
        assertUnchanged(b);
    }

    @Test
    void R19_anExpiredOrMissingPowerOfAttorneyIsRefused() {
        Packages.Application a = atDesk();
        String b = Packages.barcodeOf(a);
        JsonPath p = JsonPath.from(issue(b,
                Packages.representative(SyntheticIins.random(), a.applicant(), today().minusDays(1).toString()), 422));
        assertThat(p.getString("type")).isEqualTo("https://gfc.kz/problems/power-of-attorney-expired");
        p = JsonPath.from(issue(b, "{\"recipient\":\"REPRESENTATIVE\",\"identity\":{\"type\":\"PASSPORT\","
                + "\"number\":\"N1234567\",\"iin\":\"" + SyntheticIins.random().value() + "\"}}", 422));
        assertThat(p.getString("type")).isEqualTo("https://gfc.kz/problems/power-of-attorney-required");
        // malformed input is a 422 too, never a 500
        issue(b, "{\"recipient\":\"SELF\",\"identity\":{\"type\":\"ID_CARD\",\"number\":\"1\",\"iin\":\"123456789012\"}}",
                422);
        issue(b, "{\"recipient\":\"FRIEND\",\"identity\":{\"type\":\"ID_CARD\",\"number\":\"1\",\"iin\":\""
                + a.applicant().value() + "\"}}", 422);
        issue(b, "{\"recipient\":\"SELF\"}", 422);
        assertUnchanged(b);
    }

    @Test
    void R19_aPackageNotAtTheDeskIsNotIssued() {
        Packages.Application a = Packages.accepted(BRANCH, "MJ", "PAPER", "STANDARD");
        String b = Packages.barcodeOf(a);
        Packages.scan(BRANCH, b, "HANDED_TO_PROVIDER", null).then().statusCode(200);
        Packages.scan(BRANCH, b, "RECEIVED_FROM_PROVIDER", null).then().statusCode(200);
        JsonPath p = JsonPath.from(issue(b, Packages.self(a.applicant()), 409));
        assertThat(p.getString("currentStatus")).isEqualTo("RECEIVED");
        assertThat(Packages.load(b).status.name()).isEqualTo("RECEIVED");
        // nor by an operator of another branch
        Packages.toDeskFrom(BRANCH, b);
        Packages.operator("ALM-01").body(Packages.self(a.applicant())).post("/api/v1/packages/" + b + "/issue").then()
                .statusCode(403);
        assertUnchanged(b);
    }

    @Test
    void R15_7_theDeskSeesWhatIsDueOnADay() {
        String branch = "TAR-01";
        Packages.Application a1 = Packages.accepted(branch, "MVD", "PAPER", "IDENTITY_DOCUMENT");
        Packages.Application a2 = Packages.accepted(branch, "MJ", "PAPER", "STANDARD");
        Packages.Application a3 = Packages.accepted(branch, "MJ", "PAPER", "STANDARD");
        String b1 = Packages.barcodeOf(a1);
        String b2 = Packages.barcodeOf(a2);
        String b3 = Packages.barcodeOf(a3);
        Packages.toDesk(branch, b1);
        Packages.toDesk(branch, b2);
        Packages.scan(branch, b3, "HANDED_TO_PROVIDER", null).then().statusCode(200);

        // the events say ready on 2026-11-27
        operator(branch).get("/api/v1/packages?branch=" + branch + "&status=AT_ISSUANCE_DESK&due=2026-11-27").then()
                .statusCode(200).body("barcode", contains(b1, b2)).body("[0].deskWindow", equalTo(7));
        operator(branch).get("/api/v1/packages?branch=" + branch + "&status=AT_ISSUANCE_DESK&due=2026-11-26").then()
                .statusCode(200).body("$", empty());
        operator(branch).get("/api/v1/packages?branch=" + branch).then().statusCode(200)
                .body("barcode", contains(b1, b2, b3));
        operator(branch).get("/api/v1/packages?branch=" + branch + "&status=AT_PROVIDER").then().statusCode(200)
                .body("barcode", contains(b3));
        // another branch's staff see nothing of it; bad filters are problems, not errors
        operator("ALM-01").get("/api/v1/packages?branch=" + branch).then().statusCode(403);
        operator(branch).get("/api/v1/packages?branch=" + branch + "&status=LOST").then().statusCode(422);
        operator(branch).get("/api/v1/packages?branch=" + branch + "&due=2026-13-45").then().statusCode(422);
        operator(branch).get("/api/v1/packages").then().statusCode(422);
    }

    private static void assertUnchanged(String b) {
        assertThat(Packages.load(b).status.name()).isEqualTo("AT_ISSUANCE_DESK");
        assertThat(Packages.load(b).chain).hasSize(3);
        assertThat(Packages.outbox(DocumentIssued.TYPE, b)).isZero();
        assertThat(record(b)).isNull();
    }

    private static IssuanceRecord record(String b) {
        return QuarkusTransaction.requiringNew()
                .call(() -> IssuanceRecord.<IssuanceRecord>findById(Packages.load(b).id));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.ofHours(5));
    }
}
