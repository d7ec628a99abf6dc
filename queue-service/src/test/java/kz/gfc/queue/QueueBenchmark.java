package kz.gfc.queue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.issue;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.signIn;
import static kz.gfc.queue.Queue.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * Prints figures, asserts no timing: ticket issue and call-next throughput and p50/p99
 * latency over HTTP against the service with real PostgreSQL and Kafka (outbox relay on).
 * Run: mvn -B -o -pl queue-service verify -Dgroups=benchmark -Dgfc.excluded.test.groups=none
 * -Dtest=QueueBenchmark -Dsurefire.failIfNoSpecifiedTests=false  (-Dbench.tickets=N -Dbench.windows=W)
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class QueueBenchmark extends PinnedClock {

    @Test
    void issueAndCallNextThroughput() throws Exception {
        int tickets = Integer.getInteger("bench.tickets", 2000);
        int windows = Integer.getInteger("bench.windows", 8);
        int issuers = Integer.getInteger("bench.issuers", 8);
        clock.pinAlmaty(LocalDateTime.parse("2026-11-17T10:00")); // working hours, whatever the real time
        String b = branch("DUTY", "INTAKE", "CONSULT");
        warmUp();

        ConcurrentLinkedQueue<Long> issueNanos = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        List<Callable<Integer>> issuing = new ArrayList<>();
        for (int t = 0; t < issuers; t++) {
            String token = citizen("bench-citizen-" + t);
            issuing.add(() -> {
                int n = 0;
                for (int i = next.getAndIncrement(); i < tickets; i = next.getAndIncrement()) {
                    Map<String, Object> body = Map.of("category", i % 3 == 0 ? "CONSULT" : "INTAKE", "channel", "MOBILE",
                            "language", i % 2 == 0 ? "kk" : "ru");
                    String json = JSON.writeValueAsString(body);
                    long s = System.nanoTime();
                    HttpResponse<String> r = post(token, "/api/v1/branches/" + b + "/tickets", json);
                    issueNanos.add(System.nanoTime() - s);
                    assertThat(r.statusCode()).isEqualTo(201);
                    n++;
                }
                return n;
            });
        }
        long issueStart = System.nanoTime();
        ConcurrencyTest.together(issuing);
        long issueWall = System.nanoTime() - issueStart;

        ConcurrentLinkedQueue<Long> callNanos = new ConcurrentLinkedQueue<>();
        List<Callable<Integer>> calling = new ArrayList<>();
        for (int n = 1; n <= windows; n++) {
            long w = window(b, n, "INTAKE", "CONSULT");
            String op = operator("bench-op-" + n + "-" + System.nanoTime(), b);
            signIn(w, op, "Оператор " + n);
            calling.add(() -> {
                int served = 0;
                while (true) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = post(op, "/api/v1/windows/" + w + "/call-next", null);
                    callNanos.add(System.nanoTime() - s);
                    if (r.statusCode() == 204) {
                        return served;
                    }
                    assertThat(r.statusCode()).isEqualTo(200);
                    String id = JSON.readTree(r.body()).path("ticket").path("id").asText();
                    assertThat(post(op, "/api/v1/tickets/" + id + "/start", null).statusCode()).isEqualTo(200);
                    assertThat(post(op, "/api/v1/tickets/" + id + "/complete", null).statusCode()).isEqualTo(200);
                    served++;
                }
            });
        }
        long callStart = System.nanoTime();
        List<Integer> served = ConcurrencyTest.together(calling);
        long callWall = System.nanoTime() - callStart;
        assertThat(served.stream().mapToInt(Integer::intValue).sum()).isEqualTo(tickets);

        System.out.println();
        System.out.println("=== queue-service benchmark (HTTP via java.net.http, real PostgreSQL + Kafka outbox relay, same JVM) ===");
        System.out.printf("cores %d, tickets %d, issuers %d, windows %d%n", Runtime.getRuntime().availableProcessors(),
                tickets, issuers, windows);
        report("issue ticket", issueNanos, tickets, issueWall);
        report("call-next (+start+complete per ticket, wall covers all three)", callNanos, tickets, callWall);
        System.out.printf("JVM RSS (VmRSS, test + service in one JVM): %s%n", rss());
        System.out.println("===================================================================================");
    }

    // The measured calls use the JDK's own HTTP client: rest-assured (Groovy) took more CPU
    // than the service itself in a JFR profile, and on 2 cores the client set the figures.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> post(String token, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void warmUp() {
        String w = branch("DUTY", "INTAKE");
        for (int i = 0; i < 50; i++) {
            issue(citizen("warm"), w, Map.of("category", "INTAKE", "channel", "MOBILE", "language", "ru"))
                    .then().statusCode(201);
        }
    }

    private static void report(String what, ConcurrentLinkedQueue<Long> nanos, int tickets, long wallNanos) {
        List<Long> l = new ArrayList<>(nanos);
        Collections.sort(l);
        double seconds = wallNanos / 1e9;
        System.out.printf("%s: %d requests in %.2f s = %.0f tickets/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what, l.size(), seconds, tickets / seconds, pct(l, 50), pct(l, 99), l.get(l.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(s -> s.startsWith("VmRSS"))
                .map(s -> s.replace("VmRSS:", "").strip()).findFirst().orElse("n/a");
    }
}
