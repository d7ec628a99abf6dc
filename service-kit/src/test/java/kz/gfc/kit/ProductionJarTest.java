package kz.gfc.kit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * service-kit goes into every service's production jar: test support (real-infrastructure
 * resources, the service contract, Kafka probes) and test libraries live in
 * service-kit-testing, which services use at test scope only.
 */
class ProductionJarTest {

    @Test
    void testSupportIsNotInTheKit() {
        assertThatThrownBy(() -> Class.forName("kz.gfc.kit.testing.RealInfrastructure"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("kz.gfc.kit.testing.ServiceContract"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void testLibrariesAreNotOnTheKitsClasspath() {
        assertThatThrownBy(() -> Class.forName("io.restassured.RestAssured")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.quarkus.test.oidc.server.OidcWiremockTestResource"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.testcontainers.DockerClientFactory"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
