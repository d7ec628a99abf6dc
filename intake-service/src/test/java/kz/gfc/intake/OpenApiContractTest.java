package kz.gfc.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.RealInfrastructure;

/** Every intake operation declares its security (the public ones by having none), its success schema and its problems. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiContractTest {

    private static final Set<String> PUBLIC = Set.of("listServices", "getService", "verifyReceipt");

    @Test
    void everyOperationDeclaresSecurityProblemsAndSchema() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<String> problems = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/v1/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                JsonNode o = op.getValue();
                String id = o.path("operationId").asText(path.getKey() + " " + op.getKey());
                JsonNode responses = o.path("responses");
                boolean hasProblem = false;
                var names = responses.fieldNames();
                while (names.hasNext()) {
                    String code = names.next();
                    hasProblem |= code.startsWith("4");
                }
                if (!hasProblem) {
                    problems.add(id + ": no problem response");
                }
                if (PUBLIC.contains(id)) {
                    if (o.has("security") && o.get("security").size() > 0) {
                        problems.add(id + ": public but declares security");
                    }
                } else {
                    if (!o.has("security") || o.get("security").isEmpty()) {
                        problems.add(id + ": no security");
                    }
                    if (!responses.has("401") || !responses.has("403")) {
                        problems.add(id + ": no 401/403");
                    }
                }
                boolean success = false;
                var it = responses.fields();
                while (it.hasNext()) {
                    var r = it.next();
                    if (r.getKey().startsWith("2") && (r.getValue().has("content") || r.getKey().equals("204"))) {
                        success = true;
                    }
                }
                if (!success) {
                    problems.add(id + ": no success schema");
                }
            });
        });
        assertThat(problems).isEmpty();
    }
}
