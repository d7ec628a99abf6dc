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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;
import kz.gfc.kit.web.IdempotencyKeys;

/**
 * ARCHITECTURE's Idempotency-Key on a creating call: a kiosk that lost the response and
 * retries must not print a second ticket for the same person — not after a crash, not after
 * an error, not when its first call was merely slow.
 */
@QuarkusTest
@TestProfile(IdempotencyKeyTest.ShortTakeover.class)
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class IdempotencyKeyTest extends PinnedClock {

    private static final Map<String, Object> WALK_IN = Map.of("category", "INTAKE", "channel", "WALK_IN", "language", "ru");
    private static final String PROBLEMS = "https://gfc.kz/problems/";
    /** A request carrying it "crashes" the instance right after its action committed. */
    private static final String CRASH = "X-Test-Crash-After-Commit";
    private static final long TAKEOVER_MILLIS = 3_000;

    /** A stale claim is taken over after 3 s instead of a minute, so a test can wait for it. */
    public static class ShortTakeover implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(DiesAfterCommitWhenAsked.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gfc.idempotency.takeover-after", "PT" + TAKEOVER_MILLIS / 1000 + "S");
        }
    }

    /** For a request that asks: the instance stops after the action committed, before the key's response is stored. */
    @Alternative
    @ApplicationScoped
    public static class DiesAfterCommitWhenAsked extends IdempotencyKeys {
        @Override
        public void settle(ContainerRequestContext request, ContainerResponseContext response) {
            if (request.getHeaderString(CRASH) == null) {
                super.settle(request, response);
            }
        }
    }

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
    void aKeyBelongsToTheTokensSubjectNotToItsRenameableLogin() {
        String b = branch("REGULAR", "INTAKE");
        String subject = "kiosk-subject-" + UUID.randomUUID();
        String key = "kiosk-" + UUID.randomUUID();
        String before = ServiceContract.token("kiosk-old-name", subject, Map.of("branch", b), "operator");
        String renamed = ServiceContract.token("kiosk-new-name", subject, Map.of("branch", b), "operator");
        take(before, b, key, WALK_IN).then().statusCode(201).body("number", equalTo("A-001"));
        // the same account after an admin renamed its login: still the same caller, so no second ticket
        take(renamed, b, key, WALK_IN).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("number", equalTo("A-001"));
        take(renamed, b, null, WALK_IN).then().statusCode(201).body("number", equalTo("A-002"));
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
                    assertThat(r.header("Retry-After")).isEqualTo("1");
                }
            }
            assertThat(ticketIds).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        take(kiosk, b, null, WALK_IN).then().statusCode(201).body("number", equalTo("A-002"));
    }

    @Test
    void aRetryWhileTheFirstCallRunsIsToldWhenToComeBack() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        String kiosk = operator("kiosk-" + UUID.randomUUID(), b);
        String key = "kiosk-" + UUID.randomUUID();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Response> first = pool.submit(() -> slow(kiosk, b, key, 2_000));
            Thread.sleep(700);
            slow(kiosk, b, key, 0).then().statusCode(409)
                    .header("Retry-After", equalTo("1"))
                    .body("type", equalTo(PROBLEMS + "idempotency-key-in-flight")).body("retryAfterSeconds", equalTo(1));
            first.get().then().statusCode(201).body("number", equalTo("A-001"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCrashAfterTheCommitNeverLetsTheRetryIssueASecondTicket() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        String kiosk = operator("kiosk-" + UUID.randomUUID(), b);
        String key = "kiosk-" + UUID.randomUUID();
        // the ticket is committed; the instance dies before the key's response is stored (the kiosk sees nothing)
        as(kiosk).header("Idempotency-Key", key).header(CRASH, "yes").body(WALK_IN)
                .post("/api/v1/branches/" + b + "/tickets").then().statusCode(201).body("number", equalTo("A-001"));

        // right away the first call may still be storing its answer: come back in a second
        take(kiosk, b, key, WALK_IN).then().statusCode(409).header("Retry-After", equalTo("1"))
                .body("type", equalTo(PROBLEMS + "idempotency-key-in-flight"));
        // once the takeover delay passed, a claim that never committed would be taken over: this one committed
        Thread.sleep(TAKEOVER_MILLIS + 700);
        take(kiosk, b, key, WALK_IN).then().statusCode(409).header("Retry-After", nullValue())
                .body("type", equalTo(PROBLEMS + "idempotency-key-outcome-unknown"))
                .body("committedAt", org.hamcrest.Matchers.notNullValue());
        take(kiosk, b, null, WALK_IN).then().statusCode(201).body("number", equalTo("A-002"));
    }

    @Test
    void anErrorAfterTheCommitKeepsTheKeySoTheRetryIssuesNoSecondTicket() {
        String b = branch("REGULAR", "INTAKE");
        String kiosk = operator("kiosk-" + UUID.randomUUID(), b);
        String key = "kiosk-" + UUID.randomUUID();
        String path = "/api/v1/test-only/branches/" + b + "/tickets-then-failure";
        as(kiosk).header("Idempotency-Key", key).body(WALK_IN).post(path).then().statusCode(500);
        // the ticket exists: the key is not released, the retry is not run again
        as(kiosk).header("Idempotency-Key", key).body(WALK_IN).post(path).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "idempotency-key-outcome-unknown"));
        take(kiosk, b, null, WALK_IN).then().statusCode(201).body("number", equalTo("A-002"));
    }

    @Test
    void aRetryTakingOverASlowCallFencesItOffSoOnlyOneCommits() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        String kiosk = operator("kiosk-" + UUID.randomUUID(), b);
        String key = "kiosk-" + UUID.randomUUID();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // the first call writes its ticket and then stalls inside its transaction, past the takeover delay
            Future<Response> first = pool.submit(() -> slow(kiosk, b, key, TAKEOVER_MILLIS + 3_000));
            Thread.sleep(TAKEOVER_MILLIS + 1_000);
            // the kiosk gave up on it and retries: the retry takes the claim over and runs
            Response retry = slow(kiosk, b, key, 0);
            Response original = first.get();

            retry.then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("number", equalTo("A-001"));
            // the original reached its commit after the takeover: its generation was gone, it rolled back
            original.then().statusCode(409).body("type", equalTo(PROBLEMS + "idempotency-key-taken-over"));
            slow(kiosk, b, key, 0).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                    .body("id", equalTo(retry.jsonPath().getString("id")));
        } finally {
            pool.shutdownNow();
        }
        // one ticket in the queue, not two
        take(kiosk, b, null, WALK_IN).then().statusCode(201).body("number", equalTo("A-002"));
    }

    private static Response slow(String token, String branch, String key, long stallMillis) {
        return as(token).header("Idempotency-Key", key).header(TestOnlyTicketResource.STALL, stallMillis).body(WALK_IN)
                .post("/api/v1/test-only/branches/" + branch + "/slow-tickets");
    }
}
