package kz.gfc.rating;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RatingServiceContractTest extends ServiceContract {

    @Override
    protected String schema() {
        return "rating";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/ratings?branch=ALM-01";
    }

    @Override
    protected String allowedRole() {
        return "analyst";
    }

    @Override
    protected String wrongRole() {
        return "citizen";
    }
}
