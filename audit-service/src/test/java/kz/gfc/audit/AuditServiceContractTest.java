package kz.gfc.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditServiceContractTest extends ServiceContract {

    @Override
    protected String schema() {
        return "audit";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/audit/records";
    }

    @Override
    protected String allowedRole() {
        return "auditor";
    }

    @Override
    protected String wrongRole() {
        return "citizen";
    }
}
