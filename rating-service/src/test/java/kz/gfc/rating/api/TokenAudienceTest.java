package kz.gfc.rating.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * A token the realm issued for another application is no key to the GfC API: the services
 * check the token's audience ({@code quarkus.oidc.token.audience}, service-kit).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TokenAudienceTest {

    private static final String RATINGS = "/api/v1/ratings?branch=ALM-01";

    @ConfigProperty(name = "quarkus.oidc.token.audience")
    List<String> audience;

    private static String analystToken(Set<String> audience) {
        return OidcWiremockTestResource.generateJwtToken("analyst-aud", Set.of("analyst"), "analyst-aud-subject",
                "Bearer", audience, Map.of());
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedAsAProblem() {
        given().auth().oauth2(analystToken(Set.of("https://another-app.example.com"))).when().get(RATINGS).then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/unauthorized"));
    }

    @Test
    void theSameTokenForTheConfiguredAudienceIsAccepted() {
        given().auth().oauth2(analystToken(Set.copyOf(audience))).when().get(RATINGS).then().statusCode(200);
    }
}
