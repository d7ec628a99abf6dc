package kz.gfc.queue;

import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.issue;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.testing.RealInfrastructure;

/** R6: the ordinary (live) queue on a technical failure, and reconciling its hand-numbered tickets afterwards. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R6LiveQueueTest extends PinnedClock {

    private static final Map<String, Object> INTAKE = Map.of("category", "INTAKE", "channel", "WALK_IN", "language", "ru");

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void fridayAfternoon() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-13T15:00"));
    }

    static Map<String, Object> hand(String number, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("handNumber", number, "category", "INTAKE",
                "issuedAt", "2026-11-13T11:00:00+05:00", "calledAt", "2026-11-13T11:20:00+05:00",
                "completedAt", "2026-11-13T11:32:00+05:00", "windowNumber", 1, "outcome", "COMPLETED"));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                m.remove((String) more[i]);
            } else {
                m.put((String) more[i], more[i + 1]);
            }
        }
        return m;
    }

    static Response post(String token, String branch, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/branches/" + branch + "/live-tickets");
    }

    @Test
    void R6_liveModeRefusesElectronicTicketsWithAClearMessageAndSwitchesBack() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        issue(citizen("before"), b, INTAKE).then().statusCode(201);
        as(operator("op-mode", b)).body(Map.of("mode", "LIVE")).put("/api/v1/branches/" + b + "/mode").then().statusCode(403);
        as(Queue.supervisor(b)).body(Map.of("mode", "LIVE")).put("/api/v1/branches/" + b + "/mode").then().statusCode(200)
                .body("mode", equalTo("LIVE"));
        issue(citizen("during"), b, INTAKE).then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/branch-live-queue"))
                .body("userMessage", containsString("живой очереди"));
        as(citizen("during-kk")).header("Accept-Language", "kk").body(INTAKE).post("/api/v1/branches/" + b + "/tickets")
                .then().statusCode(409).body("userMessage", containsString("тірі кезек"));
        as(Queue.supervisor(b)).body(Map.of("mode", "LIVE")).put("/api/v1/branches/" + b + "/mode").then().statusCode(200);
        as(Queue.supervisor(b)).body(Map.of("mode", "ELECTRONIC")).put("/api/v1/branches/" + b + "/mode").then().statusCode(200);
        issue(citizen("after"), b, INTAKE).then().statusCode(201).body("number", equalTo("A-002"));
        // announced once per actual change, not per request
        assertThat(count("SELECT count(*) FROM outbox WHERE subject = ? AND type = 'kz.gfc.branch.mode-changed.v1'", b))
                .isEqualTo(2);
    }

    @Test
    void R6_handNumberedTicketsArePostedOnceAndCountedWithoutDuplicates() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        window(b, 1, "INTAKE");
        as(Queue.supervisor(b)).body(Map.of("mode", "LIVE")).put("/api/v1/branches/" + b + "/mode").then().statusCode(200);
        String id = post(Queue.supervisor(b), b, hand("Ж-001", "operatorId", "somebody-typed-in")).then().statusCode(201)
                .body("number", equalTo("Ж-001"))
                .body("source", equalTo("LIVE"))
                .body("status", equalTo("COMPLETED"))
                .extract().path("id");
        assertThat(text("SELECT operator_id FROM ticket WHERE id = CAST(? AS uuid)", id))
                .as("a hand ticket answers to the signed-in member of staff who posted it, not a typed-in id")
                .isEqualTo("supervisor-" + b);
        post(Queue.supervisor(b), b, hand("Ж-001")).then().statusCode(200).body("id", equalTo(id));
        List<Callable<String>> repeats = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            repeats.add(() -> post(Queue.supervisor(b), b, hand("Ж-001")).then().statusCode(200).extract().path("id"));
        }
        assertThat(new HashSet<>(ConcurrencyTest.together(repeats))).containsExactly(id);
        post(operator("op-live", b), b, hand("Ж-002", "calledAt", "2026-11-13T11:25:00+05:00", "completedAt", null,
                "outcome", "NO_SHOW")).then().statusCode(201).body("status", equalTo("NO_SHOW"));
        as(Queue.supervisor(b)).body(Map.of("mode", "ELECTRONIC")).put("/api/v1/branches/" + b + "/mode").then().statusCode(200);
        // reconciliation may come after switching back; still idempotent
        post(Queue.supervisor(b), b, hand("Ж-001")).then().statusCode(200).body("id", equalTo(id));
        post(Queue.supervisor(b), b, hand("Ж-001", "category", "INTAKE", "issuedAt", "2026-11-13T11:05:00+05:00"))
                .then().statusCode(409).body("type", equalTo("https://gfc.kz/problems/hand-number-taken"));

        assertThat(count("SELECT count(*) FROM ticket WHERE branch_code = ?", b)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM outbox WHERE subject = ? AND type = 'kz.gfc.ticket.issued.v1'", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE subject = ? AND type = 'kz.gfc.ticket.completed.v1'", id)).isEqualTo(1);
        String payload = text("SELECT payload FROM outbox WHERE subject = ? AND type = 'kz.gfc.ticket.completed.v1'", id);
        assertThat(payload).contains("\"source\":\"LIVE\"").contains("\"waitedSeconds\":1200").contains("\"servedSeconds\":720")
                .contains("\"windowNumber\":1");
    }

    @Test
    void R6_implausibleHandTicketsAreRefusedAndStoreNothing() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        post(Queue.supervisor(b), b, hand("Ж-1", "issuedAt", "2026-11-13T16:00:00+05:00")).then().statusCode(422)
                .body("errors.field", hasItem("issuedAt"));
        post(Queue.supervisor(b), b, hand("Ж-1", "issuedAt", "2026-10-01T10:00:00+05:00")).then().statusCode(422);
        post(Queue.supervisor(b), b, hand("Ж-1", "completedAt", "2026-11-13T11:10:00+05:00")).then().statusCode(422)
                .body("errors.field", hasItem("completedAt"));
        post(Queue.supervisor(b), b, hand("Ж-1", "completedAt", null)).then().statusCode(422);
        post(Queue.supervisor(b), b, hand("Ж-1", "issuedAt", "13.11.2026 11:00")).then().statusCode(422)
                .body("errors.field", hasItem("issuedAt"));
        post(Queue.supervisor(b), b, hand("Ж-1", "windowNumber", 7)).then().statusCode(422);
        post(Queue.supervisor(b), b, hand("Ж-1", "windowNumber", -1)).then().statusCode(422);
        post(Queue.supervisor(b), b, hand("Ж 1; drop")).then().statusCode(422);
        post(Queue.supervisor(b), b, hand("Ж-1", "category", "NOPE")).then().statusCode(404);
        post(Queue.supervisor(b), "NO-SUCH", hand("Ж-1")).then().statusCode(404);
        post(citizen("c"), b, hand("Ж-1")).then().statusCode(403);
        assertThat(count("SELECT count(*) FROM ticket WHERE branch_code = ?", b)).isZero();
    }

    long count(String sql, String arg) throws Exception {
        return Long.parseLong(text(sql, arg));
    }

    String text(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
