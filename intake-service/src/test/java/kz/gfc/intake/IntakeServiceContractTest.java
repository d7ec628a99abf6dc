package kz.gfc.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class IntakeServiceContractTest extends ServiceContract {

    @Override
    protected String schema() {
        return "intake";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/provider/applications";
    }

    @Override
    protected String allowedRole() {
        return "provider";
    }

    @Override
    protected String wrongRole() {
        return "citizen";
    }

    @Override
    protected String publicPath() {
        return "/api/v1/services/PASSPORT";
    }

    @org.junit.jupiter.api.Test
    void onlyReadingTheCatalogueIsPublic() {
        io.restassured.RestAssured.given().contentType("application/json").body("{}")
                .when().put("/api/v1/services/PASSPORT").then().statusCode(401);
    }
}
