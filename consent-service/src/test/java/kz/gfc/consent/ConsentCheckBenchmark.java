package kz.gfc.consent;

import static kz.gfc.consent.Consents.as;
import static kz.gfc.consent.Consents.citizen;
import static kz.gfc.consent.Consents.terms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * Prints figures, asserts no timing: consent checks per second and p50/p99 over HTTP with a
 * signed bearer token, real PostgreSQL and Kafka (each check also writes its access-log row and
 * the kit's audit line); then checks paced at a fixed rate; then the same check's SQL run by
 * pgbench on the same database, as the ceiling the service is measured against; and how soon
 * after a revocation the next check refuses.
 * Run: mvn -B -o -pl consent-service verify -Dgroups=benchmark -Dgfc.excluded.test.groups=none
 * -Dtest=ConsentCheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false (-Dbench.checks=N -Dbench.clients=C -Dbench.rate=R)
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsentCheckBenchmark {

    @Inject
    Pseudonymizer pseudonyms;

    @Inject
    kz.gfc.consent.domain.ConsentCheck direct;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void checksPerSecondAndLatency() throws Exception {
        int checks = Integer.getInteger("bench.checks", 5000);
        int clients = Integer.getInteger("bench.clients", 8);
        int rate = Integer.getInteger("bench.rate", 500);
        Iin iin = SyntheticIins.random();
        String consentId = as(citizen(iin)).body(terms("MVD", "ID_CARD", "PERSONAL_DATA")).post("/api/v1/consents")
                .then().statusCode(201).extract().path("consent.id");
        String body = "{\"subject\":\"" + iin.value() + "\",\"recipient\":\"MVD\",\"scope\":\"PERSONAL_DATA\",\"purpose\":\"ID_CARD\"}";
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/consents/check");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + Consents.MVD)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();

        closedLoop(request, 500, clients); // warm-up: JIT, pools, the token's verification key
        long t0 = System.nanoTime();
        List<Long> closed = closedLoop(request, checks, clients);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = checks / seconds;
        System.out.printf("%n=== consent check, %d checks, %d clients, closed loop ===%n", checks, clients);
        System.out.printf("%.0f checks/s   p50 %.2f ms   p99 %.2f ms%n", perSecond, pct(closed, 50), pct(closed, 99));

        List<Long> paced = paced(request, rate, 10);
        System.out.printf("=== paced at %d checks/s for 10 s ===%np50 %.2f ms   p99 %.2f ms   (%d checks)%n", rate,
                pct(paced, 50), pct(paced, 99), paced.size());

        long d0 = System.nanoTime();
        List<Long> inProcess = inProcess(iin, checks, clients);
        double directPerSecond = checks / ((System.nanoTime() - d0) / 1e9);
        System.out.printf("=== the same check called in-process (no HTTP, token or request audit), %d threads ===%n"
                + "%.0f checks/s   p50 %.2f ms   p99 %.2f ms%n", clients, directPerSecond, pct(inProcess, 50), pct(inProcess, 99));

        // The same HTTP stack and token verification on a read the kit does not audit: what the
        // request audit (a held outbox draft, its completion, its Kafka publish) adds to a check.
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/consents"))
                .header("Authorization", "Bearer " + citizen(iin)).GET().build();
        long r0 = System.nanoTime();
        List<Long> reads = closedLoop(read, checks, clients);
        System.out.printf("=== GET /consents with a citizen token (HTTP + token + one indexed read, not audited) ===%n"
                + "%.0f requests/s   p50 %.2f ms   p99 %.2f ms%n", checks / ((System.nanoTime() - r0) / 1e9),
                pct(reads, 50), pct(reads, 99));

        double pgbench = pgbench(pseudonyms.pseudonym(iin), clients);
        System.out.printf("=== pgbench, the check's SQL (lookup + access-log insert), %d clients, same database ===%n"
                + "%.0f tps; the service reaches %.2f of it%n", clients, pgbench, perSecond / pgbench);

        as(citizen(iin)).post("/api/v1/consents/" + consentId + "/revoke").then().statusCode(200);
        long revoked = System.nanoTime();
        HttpResponse<String> after = http.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.printf("=== revocation ===%nthe first check after the revoke returned: %s, %.2f ms after it%n",
                after.body(), (System.nanoTime() - revoked) / 1e6);
        System.out.printf("cores: %d (PostgreSQL, Kafka, the service and this client share them)%n%n",
                Runtime.getRuntime().availableProcessors());
    }

    private List<Long> closedLoop(HttpRequest request, int n, int clients) throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(n);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            done.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    nanos.add(timed(request));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return new ArrayList<>(nanos);
    }

    private List<Long> inProcess(Iin iin, int n, int threads) throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(n);
        var who = new kz.gfc.consent.domain.Accessor("bench", "MVD", null);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long s = System.nanoTime();
                    if (!direct.check(iin, "MVD", "PERSONAL_DATA", "ID_CARD", who).allowed()) {
                        throw new IllegalStateException("refused");
                    }
                    nanos.add(System.nanoTime() - s);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return new ArrayList<>(nanos);
    }

    /** Starts one check every 1/rate s whatever the earlier ones do, so a slow answer cannot slow the load. */
    private List<Long> paced(HttpRequest request, int rate, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        var scheduler = Executors.newScheduledThreadPool(1);
        ExecutorService workers = Executors.newFixedThreadPool(32);
        long period = 1_000_000_000L / rate;
        var tick = scheduler.scheduleAtFixedRate(() -> workers.submit(() -> nanos.add(timed(request))), 0, period,
                TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1000L);
        tick.cancel(false);
        scheduler.shutdown();
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        return new ArrayList<>(nanos);
    }

    private long timed(HttpRequest request) {
        long s = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || "POST".equals(request.method()) && !r.body().contains("\"allowed\":true")) {
                throw new IllegalStateException("check answered " + r.statusCode() + " " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - s;
    }

    private double pgbench(String pseudonym, int clients) throws Exception {
        Path script = Files.createTempFile("consent-check", ".sql");
        Files.writeString(script, """
                WITH hit AS (SELECT c.id, c.valid_until, c.subject_pseudonym, c.recipient, c.purpose, c.fetch_limit,
                  c.fetch_period FROM consent c
                  JOIN consent_scope_grant g ON g.consent_id = c.id AND g.scope = 'PERSONAL_DATA'
                  WHERE c.subject_pseudonym = '%s' AND c.recipient = 'MVD' AND c.purpose = 'ID_CARD'
                    AND c.status = 'ACTIVE' AND c.valid_until > now()
                  ORDER BY c.fetch_limit IS NULL DESC, c.valid_until DESC LIMIT 1),
                logged AS (INSERT INTO access_log (consent_id, subject_pseudonym, recipient, scope, purpose, organisation,
                  accessor, operator_name, accessed_at) SELECT id, subject_pseudonym, recipient, 'PERSONAL_DATA', purpose,
                  'MVD', 'pgbench', NULL, now() FROM hit WHERE hit.fetch_limit IS NULL RETURNING consent_id)
                SELECT hit.id, hit.valid_until, hit.fetch_limit, hit.fetch_period
                FROM hit LEFT JOIN logged ON logged.consent_id = hit.id;
                """.formatted(pseudonym).replace('\n', ' ') + "\n");
        // jdbc:postgresql://host:port/db?currentSchema=consent&...
        URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
        String db = u.getPath().substring(1);
        ProcessBuilder pb = new ProcessBuilder("pgbench", "-n", "-h", u.getHost(), "-p", String.valueOf(u.getPort()),
                "-U", "gfc", "-c", String.valueOf(clients), "-j", "2", "-T", "10", "-f", script.toString(), db)
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "gfc");
        pb.environment().put("PGOPTIONS", "-c search_path=consent");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("tps = ")) {
                return Double.parseDouble(line.substring(6).split(" ")[0]);
            }
        }
        throw new IllegalStateException("pgbench printed no tps:\n" + out);
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
