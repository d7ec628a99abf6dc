package kz.gfc.issuance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class IssuanceServiceContractTest extends ServiceContract {

    @Override
    protected String schema() {
        return "issuance";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/packages/GFC00000000000";
    }

    @Override
    protected String allowedRole() {
        return "operator";
    }

    @Override
    protected String wrongRole() {
        return "citizen";
    }
}
