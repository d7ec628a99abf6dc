package kz.gfc.issuance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import kz.gfc.kit.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiTest {

    @Test
    void everyPackageOperationDeclaresItsSecurityItsSchemaAndItsProblems() {
        JsonPath doc = JsonPath.from(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/packages")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                String where = op.getKey() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                assertThat((List<?>) operation.get("security")).as(where + " security").isNotEmpty();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                assertThat(responses).as(where).containsKeys("200", "401", "403");
                assertThat(responses.get("200").get("content")).as(where + " success schema").isNotNull();
                assertThat(responses.keySet()).as(where + " problems").containsAnyOf("404", "409", "422");
                assertThat(responses.get("401").toString()).contains("application/problem+json");
                operations++;
            }
        }
        assertThat(operations).isEqualTo(8);
    }
}
