package kz.gfc.queue;

import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * ARCHITECTURE's Idempotency-Key on a creating call: a kiosk that lost the response and
 * retries must not print a second ticket for the same person.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class IdempotencyKeyTest extends PinnedClock {

    private static final Map<String, Object> WALK_IN = Map.of("category", "INTAKE", "channel", "WALK_IN", "language", "ru");

    @BeforeEach
    void tuesdayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-17T10:00"));
    }

    private static Response take(String token, String branch, String key, Map<String, Object> body) {
        var spec = as(token).body(body);
        if (key != null) {
            spec.header("Idempotency-Key", key);
        }
        return spec.post("/api/v1/branches/" + branch + "/tickets");
    }

    @Test
    void aRetriedCallReturnsTheFirstTicketAndPrintsNoSecondOne() {
        String b = branch("REGULAR", "INTAKE", "CONSULT");
        String kiosk = operator("kiosk-" + UUID.randomUUID(), b);
        String key = "kiosk-" + UUID.randomUUID();

        Response first = take(kiosk, b, key, WALK_IN);
        first.then().statusCode(201).body("number", equalTo("A-001")).header("Idempotent-Replayed", nullValue());
        Response retry = take(kiosk, b, key, WALK_IN);
        retry.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.jsonPath().getString("id"))).body("number", equalTo("A-001"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));

        // the queue holds one ticket, not two: the next one is A-002
        take(kiosk, b, null, WALK_IN).then().statusCode(201).body("number", equalTo("A-002"));
        // the same key for another request is a client bug, refused and nothing stored
        take(kiosk, b, key, Map.of("category", "CONSULT", "channel", "WALK_IN", "language", "ru")).then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/idempotency-key-reused"));
        // keys belong to their caller: another kiosk's identical key is its own call
        take(operator("kiosk-" + UUID.randomUUID(), b), b, key, WALK_IN).then().statusCode(201).body("number", equalTo("A-003"))
                .header("Idempotent-Replayed", nullValue());
        take(kiosk, b, "short", WALK_IN).then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/idempotency-key-malformed"));
        take(kiosk, b, null, WALK_IN).then().statusCode(201).body("number", equalTo("A-004"));
    }

    @Test
    void aRefusedCallReleasesItsKeySoTheRetryRunsAgain() {
        String b = branch("REGULAR", "INTAKE");
        String kiosk = operator("kiosk-" + UUID.randomUUID(), b);
        String key = "kiosk-" + UUID.randomUUID();
        clock.pinAlmaty(LocalDateTime.parse("2026-11-14T10:00")); // Saturday: R3 refuses
        take(kiosk, b, key, WALK_IN).then().statusCode(409);
        clock.pinAlmaty(LocalDateTime.parse("2026-11-16T09:05"));
        take(kiosk, b, key, WALK_IN).then().statusCode(201).body("number", equalTo("A-001"))
                .header("Idempotent-Replayed", nullValue());
        take(kiosk, b, key, WALK_IN).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneTicket() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        String kiosk = operator("kiosk-" + UUID.randomUUID(), b);
        String key = "kiosk-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit((Callable<Response>) () -> take(kiosk, b, key, WALK_IN)));
            }
            Set<String> ticketIds = new HashSet<>();
            for (Future<Response> f : calls) {
                Response r = f.get();
                assertThat(r.statusCode()).as(r.asString()).isIn(201, 409);
                if (r.statusCode() == 201) {
                    ticketIds.add(r.jsonPath().getString("id"));
                } else {
                    assertThat(r.jsonPath().getString("type")).endsWith("/idempotency-key-in-flight");
                }
            }
            assertThat(ticketIds).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        take(kiosk, b, null, WALK_IN).then().statusCode(201).body("number", equalTo("A-002"));
    }
}
