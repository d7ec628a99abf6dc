package kz.gfc.issuance;

import static kz.gfc.issuance.Packages.operator;
import static kz.gfc.issuance.Packages.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import kz.gfc.issuance.domain.CustodyChain;
import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.issuance.events.PackageMoved;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R15_9CustodyChainTest {

    static final List<String> SCANS = List.of("HANDED_TO_PROVIDER", "RECEIVED_FROM_PROVIDER", "TO_ISSUANCE_DESK");

    @Test
    void R15_9_theFullChainInOrderEveryIllegalJumpRefusedAndTheHashesVerify() {
        Packages.Application a = Packages.accepted("AST-02", "MVD", "PAPER", "STANDARD");
        String b = Packages.barcodeOf(a);
        String[] statuses = {"AWAITING_DISPATCH", "AT_PROVIDER", "RECEIVED", "AT_ISSUANCE_DESK"};
        for (int step = 0; step < 3; step++) {
            assertEveryScanButRefused(b, statuses[step], SCANS.get(step));
            scan("AST-02", b, SCANS.get(step), step == 2 ? 4 : null).then().statusCode(200)
                    .body("status", equalTo(statuses[step + 1]));
        }
        // at the desk no scan is allowed any more: only issuance or a return moves it on
        assertEveryScanButRefused(b, "AT_ISSUANCE_DESK", null);

        JsonPath view = operator("AST-02").get("/api/v1/packages/" + b).then().statusCode(200)
                .body("chain", hasSize(3))
                .body("chainVerified", equalTo(true))
                .body("deskWindow", equalTo(4))
                .extract().jsonPath();
        assertThat(view.getString("chain[0].prevHash")).isEqualTo(CustodyChain.GENESIS);
        assertThat(view.getString("chain[1].prevHash")).isEqualTo(view.getString("chain[0].hash"));
        assertThat(view.getString("chain[2].prevHash")).isEqualTo(view.getString("chain[1].hash"));
        assertThat(view.getList("chain.operatorId")).containsOnly("op-AST-02");
        assertThat(view.getList("chain.branchCode")).containsOnly("AST-02");
        assertThat(view.getList("chain.scan")).containsExactlyElementsOf(SCANS);
        assertThat(view.getString("chain[0].at")).isNotBlank();

        // each move went out as PackageMoved carrying its chain hash, in order
        List<ConsumerRecord<String, String>> moved = KafkaProbe.read(KafkaProbe.ownTopic(),
                r -> b.equals(r.key()) && PackageMoved.TYPE.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), 3,
                Duration.ofSeconds(30));
        assertThat(moved).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonPath e = JsonPath.from(moved.get(i).value());
            assertThat(e.getString("chainHash")).isEqualTo(view.getString("chain[" + i + "].hash"));
            assertThat(e.getString("scan")).isEqualTo(SCANS.get(i));
            assertThat(e.getString("from")).isEqualTo(statuses[i]);
            assertThat(e.getString("to")).isEqualTo(statuses[i + 1]);
        }
        assertThat(JsonPath.from(moved.get(2).value()).getInt("window")).isEqualTo(4);

        // issued: the chain goes on, and nothing moves it after
        operator("AST-02").body(Packages.self(a.applicant())).post("/api/v1/packages/" + b + "/issue").then()
                .statusCode(200).body("status", equalTo("ISSUED"));
        assertEveryScanButRefused(b, "ISSUED", null);
        operator("AST-02").body(Packages.self(a.applicant())).post("/api/v1/packages/" + b + "/issue").then()
                .statusCode(409).body("currentStatus", equalTo("ISSUED"));
        DocumentPackage done = load(b);
        assertThat(done.chain).hasSize(4);
        assertThat(done.lastEntry().movement.name()).isEqualTo("ISSUED_TO_APPLICANT");
        assertThat(done.chainVerifies()).isTrue();
    }

    @Test
    void R15_9_aChangedStoredScanNoLongerVerifies() {
        String b = Packages.opened("AST-02", "MVD", "PAPER", "STANDARD");
        Packages.toDesk("AST-02", b);
        QuarkusTransaction.requiringNew().run(() -> DocumentPackage.getEntityManager().createNativeQuery(
                "UPDATE custody_entry SET actor_id = 'someone-else' WHERE seq = 2 AND package_id = "
                        + "(SELECT id FROM document_package WHERE barcode = ?1)")
                .setParameter(1, b).executeUpdate());
        operator("AST-02").get("/api/v1/packages/" + b).then().statusCode(200).body("chainVerified", equalTo(false));
    }

    @Test
    void R15_9_staffOfAnotherBranchCannotScanAndTheDeskNeedsAWindow() {
        String b = Packages.opened("AST-02", "MVD", "PAPER", "STANDARD");
        scan("SHY-01", b, "HANDED_TO_PROVIDER", null).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        Packages.as("op-nobranch", Map.of(), "operator").body("{\"scan\":\"HANDED_TO_PROVIDER\"}")
                .post("/api/v1/packages/" + b + "/scans").then().statusCode(403);
        Packages.provider("MVD").body("{\"scan\":\"HANDED_TO_PROVIDER\"}")
                .post("/api/v1/packages/" + b + "/scans").then().statusCode(403);
        scan("AST-02", b, "HANDED_TO_PROVIDER", null).then().statusCode(200);
        scan("AST-02", b, "RECEIVED_FROM_PROVIDER", null).then().statusCode(200);
        scan("AST-02", b, "TO_ISSUANCE_DESK", null).then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/window-required"));
        scan("AST-02", b, "ISSUED_TO_APPLICANT", null).then().statusCode(422);
        scan("AST-02", b, "TELEPORTED", null).then().statusCode(422);
        assertThat(load(b).status.name()).isEqualTo("RECEIVED");
        assertThat(load(b).chain).hasSize(2);
    }

    @Test
    void R15_9_twoScansOfThePackageAtOnceMoveItOnce() throws Exception {
        String b = Packages.opened("AST-02", "MVD", "PAPER", "STANDARD");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> scan("AST-02", b, "HANDED_TO_PROVIDER", null).then().extract().statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                codes.add(f.get());
            }
            assertThat(codes).containsOnly(200, 409);
            assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(load(b).chain).hasSize(1);
        assertThat(Packages.outbox(PackageMoved.TYPE, b)).isEqualTo(1);
    }

    /** Every scan except {@code allowed} is refused with 409 naming the status, and changes nothing. */
    private static void assertEveryScanButRefused(String b, String status, String allowed) {
        int before = load(b).chain.size();
        for (String s : SCANS) {
            if (s.equals(allowed)) {
                continue;
            }
            scan("AST-02", b, s, 3).then().statusCode(409)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://gfc.kz/problems/out-of-order"))
                    .body("currentStatus", equalTo(status));
        }
        DocumentPackage p = load(b);
        assertThat(p.status.name()).isEqualTo(status);
        assertThat(p.chain).hasSize(before);
    }

    private static DocumentPackage load(String b) {
        return Packages.load(b);
    }
}
