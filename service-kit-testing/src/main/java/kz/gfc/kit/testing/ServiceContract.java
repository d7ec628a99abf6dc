package kz.gfc.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * What every GfC service must do, checked the same way in each:
 * ready against the real PostgreSQL and Kafka, a Flyway schema of its own, deny by
 * default with problem+json 401/403, documented bearer security, Prometheus metrics.
 * A service's test extends this and names its schema and one protected endpoint.
 */
public abstract class ServiceContract {

    static final Set<String> SCHEMAS = Set.of("queue", "intake", "issuance", "consent", "rating", "audit");

    @Inject
    AgroalDataSource dataSource;

    protected abstract String schema();

    /** A GET endpoint that needs a role. */
    protected abstract String protectedPath();

    protected abstract String allowedRole();

    protected abstract String wrongRole();

    /** A GET endpoint that must answer without a token (catalogue, branch info), or null if the service has none. */
    protected String publicPath() {
        return null;
    }

    @Test
    void publicInformationNeedsNoToken() {
        org.junit.jupiter.api.Assumptions.assumeTrue(publicPath() != null, "this service has no public endpoint");
        given().when().get(publicPath()).then().statusCode(200);
    }

    /** A bearer token for {@code user}, who is also its subject ({@code sub}), as each Keycloak user has one of their own. */
    public static String token(String user, String... roles) {
        return token(user, java.util.Map.of(), roles);
    }

    /** A token with extra claims, e.g. the {@code branch} a member of staff works at. */
    public static String token(String user, java.util.Map<String, String> claims, String... roles) {
        return token(user, user, claims, roles);
    }

    /** A token whose login ({@code preferred_username}) and subject differ, as after an admin renamed an account. */
    public static String token(String login, String subject, java.util.Map<String, String> claims, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(login, Set.of(roles), subject, "Bearer", Audience.VALUE, claims);
    }

    /** The audience the test OIDC server puts in its tokens, read once off one of them (it is not public). */
    private static final class Audience {
        static final Set<String> VALUE = readAudience();
    }

    private static Set<String> readAudience() {
        String payload = OidcWiremockTestResource.getAccessToken("probe", Set.of()).split("\\.")[1];
        try {
            var aud = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.util.Base64.getUrlDecoder().decode(payload)).path("aud");
            java.util.Set<String> out = new java.util.HashSet<>();
            if (aud.isArray()) {
                aud.forEach(a -> out.add(a.asText()));
            } else if (!aud.isMissingNode()) {
                out.add(aud.asText());
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("test token not readable", e);
        }
    }

    @Test
    void readyAgainstTheRealDatabaseAndKafka() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void flywaySchemaIsItsOwn() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Assertions.assertEquals(schema(), single(c, "SELECT current_schema()"));
            List<String> foreign = list(c, "SELECT schema_name FROM information_schema.schemata");
            foreign.retainAll(SCHEMAS);
            Assertions.assertEquals(List.of(schema()), foreign, "this service created only its own schema");
            Assertions.assertEquals("1", single(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                    + schema() + "' AND table_name = 'outbox'"));
        }
    }

    @Test
    void kitAndServiceMigrationsKeepHistoriesOfTheirOwnWithoutOutOfOrder() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<String> service = list(c, "SELECT version FROM " + schema()
                    + ".flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank");
            List<String> kit = list(c, "SELECT version FROM " + schema()
                    + ".flyway_kit_history WHERE success AND version IS NOT NULL AND version <> '0' ORDER BY installed_rank");
            Assertions.assertTrue(service.contains("1"), "service migrations applied: " + service);
            Assertions.assertTrue(service.stream().noneMatch(v -> v.startsWith("0.")),
                    "no kit migration in the service's history: " + service);
            Assertions.assertTrue(kit.containsAll(List.of("0.1", "0.2", "0.3", "0.4")), "kit migrations applied: " + kit);
        }
        Assertions.assertFalse(ConfigProvider.getConfig().getValue("quarkus.flyway.out-of-order", Boolean.class),
                "a service's own migrations never apply out of order");
    }

    @Test
    void thisTestRunPublishesAndConsumesOnTopicsOfItsOwn() {
        var config = ConfigProvider.getConfig();
        String runId = config.getValue("gfc.test.run-id", String.class);
        List<String> topics = new ArrayList<>(List.of(config.getValue("gfc.outbox.topic", String.class),
                config.getValue("gfc.audit.topic", String.class)));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.") && name.endsWith("topic")) {
                topics.add(config.getValue(name, String.class));
            }
        }
        Assertions.assertTrue(topics.stream().allMatch(t -> t.endsWith(".test-" + runId)),
                "every topic carries this run's suffix: " + topics);
    }

    @Test
    void rejectsARequestWithoutATokenAsProblemJson() {
        given().when().get(protectedPath()).then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("https://gfc.kz/problems/unauthorized"))
                .body("userMessage", equalTo("Требуется вход в систему"));
    }

    @Test
    void rejectsAWrongRoleAsProblemJsonInKazakhWhenAsked() {
        given().auth().oauth2(token("someone", wrongRole())).header("Accept-Language", "kk")
                .when().get(protectedPath()).then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403))
                .body("type", equalTo("https://gfc.kz/problems/forbidden"))
                .body("userMessage", equalTo("Бұл әрекетке құқығыңыз жоқ"))
                .body("correlationId", notNullValue());
    }

    @Test
    void acceptsTheRightRole() {
        int status = given().auth().oauth2(token("someone", allowedRole())).when().get(protectedPath())
                .then().extract().statusCode();
        Assertions.assertTrue(status != 401 && status != 403 && status < 500, "status " + status);
    }

    @Test
    void anUnknownApiPathIsDeniedWithoutAToken() {
        given().when().get("/api/v1/no-such-resource").then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anUnknownApiPathWithATokenIsANotFoundProblem() {
        given().auth().oauth2(token("someone", allowedRole())).when().get("/api/v1/no-such-resource").then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/not-found"));
    }

    @Test
    void openApiDocumentsTheBearerScheme() {
        given().when().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("# TYPE"));
    }

    private static String single(Connection c, String sql) throws SQLException {
        List<String> l = list(c, sql);
        return l.isEmpty() ? null : l.get(0);
    }

    private static List<String> list(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
