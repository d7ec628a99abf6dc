package kz.gfc.kit.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Testcontainers for machines with a Docker engine. Kept apart from RealInfrastructure so
 * that the Testcontainers classes are only loaded where Docker is asked about.
 */
final class Containers implements AutoCloseable {

    private static Containers shared;

    private final PostgreSQLContainer pg;
    private final KafkaContainer kafka;

    private Containers(PostgreSQLContainer pg, KafkaContainer kafka) {
        this.pg = pg;
        this.kafka = kafka;
    }

    static boolean dockerAvailable() {
        // Ask Testcontainers only where an engine may exist: it logs an ERROR wherever none does.
        if (System.getenv("DOCKER_HOST") == null && !new java.io.File("/var/run/docker.sock").exists()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** One pair of containers per JVM, shared by every test class of the module. */
    static synchronized Containers start() {
        if (shared == null) {
            PostgreSQLContainer pg = new PostgreSQLContainer("postgres:15-alpine");
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
            pg.start();
            kafka.start();
            shared = new Containers(pg, kafka);
        }
        return shared;
    }

    String pgHost() {
        return pg.getHost();
    }

    int pgPort() {
        return pg.getMappedPort(5432);
    }

    String pgUser() {
        return pg.getUsername();
    }

    String pgPassword() {
        return pg.getPassword();
    }

    String kafkaBootstrap() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void close() {
        // shared for the JVM's lifetime; Ryuk removes the containers when the JVM exits
    }
}
