package kz.gfc.kit.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Test infrastructure for every service's {@code @QuarkusTest}: the real PostgreSQL and
 * Kafka.
 *
 * <ol>
 * <li>Addresses from the environment ({@code GFC_DB_HOST}/{@code GFC_DB_PORT},
 * {@code GFC_KAFKA_BOOTSTRAP}), as {@code .ci/run} and {@code deploy/local} set them;</li>
 * <li>else, where a Docker engine answers, Testcontainers (PostgreSQL and Kafka);</li>
 * <li>else the local stack's defaults (127.0.0.1:15432 and 127.0.0.1:19092), with a clear
 * message if nothing listens there.</li>
 * </ol>
 * Each test JVM gets a database of its own (dropped at the end), so runs never see each
 * other's rows, and a run id that services put into their consumer group ids.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);

    private String host;
    private int port;
    private String database;
    private String adminUser;
    private String adminPassword;
    private AutoCloseable containers;

    @Override
    public Map<String, String> start() {
        String envHost = System.getenv("GFC_DB_HOST");
        String envKafka = System.getenv("GFC_KAFKA_BOOTSTRAP");
        String kafka;
        adminUser = env("GFC_DB_USER", "gfc");
        adminPassword = env("GFC_DB_PASSWORD", "gfc");
        if (envHost == null && envKafka == null && Containers.dockerAvailable()) {
            Containers c = Containers.start();
            containers = c;
            host = c.pgHost();
            port = c.pgPort();
            adminUser = c.pgUser();
            adminPassword = c.pgPassword();
            kafka = c.kafkaBootstrap();
        } else {
            host = env("GFC_DB_HOST", "127.0.0.1");
            port = Integer.parseInt(env("GFC_DB_PORT", "15432"));
            kafka = env("GFC_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
            requireListening(host, port, "PostgreSQL");
            String[] k = kafka.split(",")[0].split(":");
            requireListening(k[0], Integer.parseInt(k[1]), "Kafka");
        }
        database = "gfc_test_" + RUN_ID + "_" + UUID.randomUUID().toString().substring(0, 4);
        admin("CREATE DATABASE " + database);

        Map<String, String> config = new HashMap<>();
        config.put("gfc.db.host", host);
        config.put("gfc.db.port", String.valueOf(port));
        config.put("gfc.db.name", database);
        config.put("gfc.db.user", adminUser);
        config.put("gfc.db.password", adminPassword);
        config.put("gfc.kafka.bootstrap", kafka);
        config.put("gfc.test.run-id", RUN_ID);
        return config;
    }

    @Override
    public void stop() {
        try {
            if (database != null) {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (RuntimeException e) {
            System.err.println("[RealInfrastructure] could not drop " + database + ": " + e.getMessage());
        }
        if (containers != null) {
            try {
                containers.close();
            } catch (Exception ignored) {
                // containers are reaped by Testcontainers' Ryuk anyway
            }
        }
    }

    private void admin(String sql) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, adminUser, adminPassword);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("test database: " + sql + " failed on " + url + ": " + e.getMessage(), e);
        }
    }

    private static void requireListening(String host, int port, String what) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2_000);
        } catch (Exception e) {
            throw new IllegalStateException(what + " is not listening on " + host + ":" + port
                    + ". Start the test servers with `deploy/local/infra.sh start` (or set GFC_DB_HOST/GFC_DB_PORT"
                    + " and GFC_KAFKA_BOOTSTRAP).");
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            v = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
