package kz.gfc.queue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class QueueServiceContractTest extends ServiceContract {

    @Override
    protected String schema() {
        return "queue";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/holidays?year=2026";
    }

    @Override
    protected String allowedRole() {
        return "operator";
    }

    @Override
    protected String wrongRole() {
        return "citizen";
    }

    @Override
    protected String publicPath() {
        return "/api/v1/branches";
    }
}
