package kz.gfc.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/**
 * R7, R8 across two real instances: the packaged service (the jar {@code mvn package} built) is
 * started twice, as two separate JVMs on two ports, against one PostgreSQL database and one
 * Kafka, as production runs it behind the gateway. A revocation through one instance is refused
 * by the very next check on the other, and a fetch limit holds exactly with checks spread over
 * both at once. Run by failsafe in {@code mvn verify}, after the jar exists.
 */
class TwoInstancesIT {

    private static final RealInfrastructure INFRA = new RealInfrastructure();
    private static final OidcWiremockTestResource OIDC = new OidcWiremockTestResource();
    private static final String MVD = ServiceContract.token("svc-mvd", Map.of("provider", "MVD"), "provider");

    private static Instance a;
    private static Instance b;

    /** One running service process. */
    record Instance(String name, Process process, int port) {

        RequestSpecification as(String token) {
            return given().baseUri("http://127.0.0.1").port(port).auth().oauth2(token).contentType("application/json");
        }

        boolean allowed(Iin iin, String recipient, String scope, String purpose) {
            return as(MVD).body(Map.of("subject", iin.value(), "recipient", recipient, "scope", scope, "purpose", purpose))
                    .post("/api/v1/consents/check").then().statusCode(200).extract().path("allowed");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> config = new HashMap<>(INFRA.start());
        config.putAll(OIDC.start());
        // one after the other: the first migrates the schema, the second finds it migrated
        a = launch("a", config);
        b = launch("b", config);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Instance i : new Instance[] {a, b}) {
            if (i != null) {
                i.process().destroy();
                if (!i.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    i.process().destroyForcibly();
                }
            }
        }
        OIDC.stop();
        INFRA.stop();
    }

    static String citizen(Iin iin) {
        return ServiceContract.token("citizen-" + iin.value().substring(8) + "-" + System.nanoTime(),
                Map.of("iin", iin.value()), "citizen");
    }

    static String grant(Instance on, Iin iin, Map<String, Object> extra) {
        Map<String, Object> terms = new HashMap<>(Map.of("recipient", "MVD", "purpose", "ID_CARD",
                "scopes", List.of("PERSONAL_DATA"), "language", "ru"));
        terms.putAll(extra);
        return on.as(citizen(iin)).body(terms).post("/api/v1/consents").then().statusCode(201)
                .extract().path("consent.id");
    }

    @Test
    void R7_twoSeparateProcessesServeOneDatabase() {
        assertThat(a.process().pid()).isNotEqualTo(b.process().pid());
        assertThat(a.process().isAlive() && b.process().isAlive()).isTrue();
        assertThat(a.port()).isNotEqualTo(b.port());
    }

    @Test
    void R7_aConsentGrantedThroughOneInstanceIsAllowedByTheOtherAndARevocationThroughOneIsRefusedByTheVeryNextCheckOnTheOther() {
        for (Instance[] pair : new Instance[][] {{a, b}, {b, a}}) {
            Instance grantAndRevokeOn = pair[0];
            Instance checkOn = pair[1];
            Iin iin = SyntheticIins.random();
            assertThat(checkOn.allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isFalse();
            String consentId = grant(grantAndRevokeOn, iin, Map.of());
            assertThat(checkOn.allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).as("granted on " + grantAndRevokeOn.name())
                    .isTrue();
            // both instances have just answered "allowed": the next check on either follows the revocation
            assertThat(grantAndRevokeOn.allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isTrue();

            grantAndRevokeOn.as(citizen(iin)).post("/api/v1/consents/" + consentId + "/revoke").then().statusCode(200);
            Instant revoked = Instant.now();
            assertThat(checkOn.allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD"))
                    .as("revoked on " + grantAndRevokeOn.name() + ", checked next on " + checkOn.name()).isFalse();
            System.out.printf("revoked on %s, refused by the next check on %s %d ms after the revoke answered%n",
                    grantAndRevokeOn.name(), checkOn.name(), Duration.between(revoked, Instant.now()).toMillis());
            assertThat(grantAndRevokeOn.allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isFalse();
        }
    }

    @Test
    void R8_aFetchLimitHoldsExactlyWithChecksSpreadOverBothInstancesAtOnce() throws Exception {
        Iin iin = SyntheticIins.random();
        grant(a, iin, Map.of("fetchLimit", 6, "fetchPeriod", "DAY"));
        int parallel = 20;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Boolean> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Instance on = i % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    go.await();
                    return on.allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD");
                }));
            }
            go.countDown();
            for (Future<Boolean> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers.stream().filter(x -> x).count()).isEqualTo(6);
        assertThat(b.allowed(iin, "MVD", "PERSONAL_DATA", "ID_CARD")).isFalse();
    }

    private static Instance launch(String name, Map<String, String> config) throws Exception {
        Path jar = Path.of(System.getProperty("gfc.it.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged service; failsafe runs after `package`").exists();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // the %test settings: keys with test defaults, the test OIDC server's issuer, the expiry job off
                "-Dquarkus.profile=test",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Path.of("target", "two-instances-" + name + ".log");
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instance instance = new Instance(name, p, port);
        awaitReady(instance, log);
        return instance;
    }

    private static void awaitReady(Instance i, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + i.port() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!i.process().isAlive()) {
                throw new AssertionError("instance " + i.name() + " exited with " + i.process().exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance " + i.name() + " not ready in 180 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
