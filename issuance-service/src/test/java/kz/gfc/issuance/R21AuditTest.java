package kz.gfc.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R21AuditTest {

    @Test
    void R21_everyScanResultIssueAndReturnLeavesAnAuditRecordRefusalsToo() {
        String branch = "PAV-01";
        Packages.Application a = Packages.accepted(branch, "MVD", "PAPER", "STANDARD");
        String paper = Packages.barcodeOf(a);
        Packages.toDesk(branch, paper);
        Packages.scan(branch, paper, "TO_ISSUANCE_DESK", 1).then().statusCode(409);
        Packages.operator(branch).body(Packages.self(a.applicant())).post("/api/v1/packages/" + paper + "/issue")
                .then().statusCode(200);

        String electronic = Packages.opened(branch, "GP", "ELECTRONIC", "STANDARD");
        Packages.provider("GP").body("{\"title\":\"Certificate\"}").post("/api/v1/packages/" + electronic + "/result")
                .then().statusCode(200);
        Packages.supervisor(branch).body("{\"reason\":\"provider recalled it\"}")
                .post("/api/v1/packages/" + electronic + "/return").then().statusCode(200);

        List<ConsumerRecord<String, String>> paperLines = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains(paper), 5, Duration.ofSeconds(30));
        assertThat(paperLines).extracting(r -> JsonPath.from(r.value()).getString("action") + " "
                + JsonPath.from(r.value()).getString("outcome")).containsExactlyInAnyOrder(
                        "PackageResource.scan SUCCEEDED", "PackageResource.scan SUCCEEDED",
                        "PackageResource.scan SUCCEEDED", "PackageResource.scan REJECTED",
                        "PackageResource.issue SUCCEEDED");
        assertThat(paperLines).allSatisfy(r -> {
            JsonPath line = JsonPath.from(r.value());
            assertThat(line.getString("actorId")).isEqualTo("op-" + branch);
            assertThat(line.getString("resourceId")).isEqualTo(paper);
            assertThat(r.value()).doesNotContain(a.applicant().value());
        });

        List<ConsumerRecord<String, String>> electronicLines = KafkaProbe.read(KafkaProbe.auditTopic(),
                r -> r.value().contains(electronic), 2, Duration.ofSeconds(30));
        assertThat(electronicLines).extracting(r -> JsonPath.from(r.value()).getString("actorId") + " "
                + JsonPath.from(r.value()).getString("action")).containsExactlyInAnyOrder(
                        "svc-gp PackageResource.result", "sup-" + branch + " PackageResource.returnToProvider");
    }
}
