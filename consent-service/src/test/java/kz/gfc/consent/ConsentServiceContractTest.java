package kz.gfc.consent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsentServiceContractTest extends ServiceContract {

    @Override
    protected String schema() {
        return "consent";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/access-log?consentId=7d0c3a4e-0000-4000-8000-000000000001";
    }

    @Override
    protected String allowedRole() {
        return "auditor";
    }

    /** The keys that verify consent artefacts are public: a recipient verifies without a token. */
    @Override
    protected String publicPath() {
        return "/api/v1/consents/keys";
    }

    @Override
    protected String wrongRole() {
        return "operator";
    }

    @Test
    void openApiShowsTheKeysPublicAndTheCheckBehindABearerTokenWithItsProblems() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/consents/keys'.get.security", anyOf(nullValue(), empty()))
                .body("paths.'/api/v1/consents/check'.post.security[0]", hasKey("bearer"))
                .body("paths.'/api/v1/consents/check'.post.responses", hasKey("422"))
                .body("paths.'/api/v1/consent-requests/{id}/confirm'.post.responses", hasKey("422"))
                .body("paths.'/api/v1/consents'.post.responses.'201'.content", not(anyOf(nullValue(), empty())));
    }

    @Test
    void openApiDocumentsTheConsentSignedAtTheWindowWithItsBodyAndRefusals() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/consents/in-person'.post.security[0]", hasKey("bearer"))
                .body("paths.'/api/v1/consents/in-person'.post.requestBody.content", not(anyOf(nullValue(), empty())))
                .body("paths.'/api/v1/consents/in-person'.post.responses.'201'.content", not(anyOf(nullValue(), empty())))
                .body("paths.'/api/v1/consents/in-person'.post.responses", hasKey("422"))
                .body("paths.'/api/v1/consents/in-person'.post.responses", hasKey("503"))
                .body("components.schemas.InPerson.properties", hasKey("signature"));
    }

    @Test
    void openApiSaysWhyACheckIsRefusedAndThatFetchPeriodsAreAlmatyCalendarPeriods() {
        io.restassured.path.json.JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/consents/check'.post.description", containsString("Asia/Almaty"))
                .body("components.schemas.NewConsent.properties.fetchPeriod.description", containsString("Asia/Almaty"))
                .extract().jsonPath();
        String ref = doc.getString("paths.'/api/v1/consents/check'.post.responses.'200'.content.'application/json'.schema.'$ref'");
        org.assertj.core.api.Assertions.assertThat(ref).as("the check's 200 names its schema").isNotNull();
        java.util.Map<String, Object> result = doc.getMap("components.schemas.'" + ref.substring(ref.lastIndexOf('/') + 1)
                + "'.properties");
        org.assertj.core.api.Assertions.assertThat(result).containsKeys("allowed", "consentId", "validUntil", "reason",
                "limitResetsAt");
    }
}
