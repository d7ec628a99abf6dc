package kz.gfc.queue;

import static kz.gfc.queue.Queue.ADMIN;
import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.callNext;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.signIn;
import static kz.gfc.queue.Queue.walkIn;
import static kz.gfc.queue.Queue.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.testing.RealInfrastructure;

/** Issue #4: branches and windows are reference data an administrator edits over REST. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReferenceDataAdminTest extends PinnedClock {

    /** 10:00 on a Tuesday in Almaty is midnight in New York: the zone alone decides whether the branch is open. */
    private static final LocalDateTime TUESDAY_MORNING = LocalDateTime.parse("2026-11-17T10:00");

    /** gfc.queue.reference-data-ttl: how long another instance may go on reading a branch from memory. */
    private static final Duration TTL = Duration.ofSeconds(2);

    @Inject
    AgroalDataSource db;

    private static Map<String, Object> change(String kind, String zone) {
        return Map.of("nameKk", "Жаңа атауы", "nameRu", "Новое название", "region", "Алматы облысы",
                "timeZone", zone, "scheduleKind", kind);
    }

    @Test
    void R3_adminTurnsARegularBranchIntoADutyOneAndItOpensOnSaturday() {
        String b = branch("REGULAR", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-14T10:00")); // Saturday
        Queue.issue(Queue.citizen("sat-1"), b, Map.of("category", "INTAKE", "channel", "MOBILE", "language", "ru"))
                .then().statusCode(409);

        as(ADMIN).body(change("DUTY", "Asia/Almaty")).put("/api/v1/branches/" + b).then().statusCode(200)
                .body("scheduleKind", equalTo("DUTY")).body("nameRu", equalTo("Новое название"))
                .body("region", equalTo("Алматы облысы")).body("categories", equalTo(List.of("INTAKE")));
        as(ADMIN).get("/api/v1/branches/" + b).then().statusCode(200).body("nameKk", equalTo("Жаңа атауы"));

        Queue.issue(Queue.citizen("sat-2"), b, Map.of("category", "INTAKE", "channel", "MOBILE", "language", "ru"))
                .then().statusCode(201).body("branchName", equalTo("Новое название"));
    }

    @Test
    void branchChangesAreForAdminsOnlyAndBadOnesChangeNothing() {
        String b = branch("REGULAR", "INTAKE");
        as(Queue.supervisor(b)).body(change("DUTY", "Asia/Almaty")).put("/api/v1/branches/" + b).then().statusCode(403);
        as(ADMIN).body(change("DUTY", "Mars/Olympus")).put("/api/v1/branches/" + b).then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        as(ADMIN).body(Map.of("nameKk", "", "nameRu", "x", "region", "x", "scheduleKind", "DUTY"))
                .put("/api/v1/branches/" + b).then().statusCode(422);
        as(ADMIN).body(change("WEEKLY", "Asia/Almaty")).put("/api/v1/branches/" + b).then().statusCode(422);
        as(ADMIN).body(change("DUTY", "Asia/Almaty")).put("/api/v1/branches/NO-SUCH").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as(ADMIN).get("/api/v1/branches/" + b).then().body("scheduleKind", equalTo("REGULAR"))
                .body("timeZone", equalTo("Asia/Almaty")).body("nameKk", startsWith("Сынақ"));
    }

    @Test
    void aWindowIsRenumberedAndServesOnlyWhatItsBranchServes() {
        String b = branch("REGULAR", "INTAKE", "ISSUANCE");
        long w1 = window(b, 1, "INTAKE");
        window(b, 2, "INTAKE");
        as(ADMIN).body(Map.of("number", 5, "categories", List.of("INTAKE", "ISSUANCE")))
                .put("/api/v1/windows/" + w1).then().statusCode(200)
                .body("number", equalTo(5)).body("categories", containsInAnyOrder("INTAKE", "ISSUANCE"));
        as(ADMIN).body(Map.of("number", 2, "categories", List.of("INTAKE")))
                .put("/api/v1/windows/" + w1).then().statusCode(409).body("type", equalTo("https://gfc.kz/problems/window-exists"));
        as(ADMIN).body(Map.of("number", 5, "categories", List.of("VIDEO")))
                .put("/api/v1/windows/" + w1).then().statusCode(422);
        as(ADMIN).body(Map.of("number", 0, "categories", List.of("INTAKE")))
                .put("/api/v1/windows/" + w1).then().statusCode(422);
        as(operator("op-w", b)).body(Map.of("number", 7, "categories", List.of("INTAKE")))
                .put("/api/v1/windows/" + w1).then().statusCode(403);
        as(ADMIN).get("/api/v1/branches/" + b + "/windows").then()
                .body("find { it.id == " + w1 + " }.number", equalTo(5))
                .body("find { it.id == " + w1 + " }.categories", containsInAnyOrder("INTAKE", "ISSUANCE"));
    }

    @Test
    void aCategoryAWindowStillServesCannotBeTakenFromItsBranch() {
        String b = branch("REGULAR", "INTAKE", "ISSUANCE");
        long w = window(b, 4, "INTAKE", "ISSUANCE");
        as(ADMIN).body(List.of("INTAKE")).put("/api/v1/branches/" + b + "/categories").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/category-still-served"))
                .body("windows", equalTo(List.of(4)));
        as(ADMIN).get("/api/v1/branches/" + b).then().body("categories", containsInAnyOrder("INTAKE", "ISSUANCE"));
        // once the window no longer serves it, the branch may stop serving it too
        as(ADMIN).body(Map.of("number", 4, "categories", List.of("INTAKE"))).put("/api/v1/windows/" + w).then()
                .statusCode(200);
        as(ADMIN).body(List.of("INTAKE")).put("/api/v1/branches/" + b + "/categories").then().statusCode(200)
                .body("categories", containsInAnyOrder("INTAKE"));
    }

    @Test
    void aStaffedWindowIsNotRetiredAndARetiredOneIsGoneButItsNumberIsFree() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 3, "INTAKE");
        String op = operator("op-retire-" + System.nanoTime(), b);
        signIn(w, op, "Сарсенова Айгерим");
        as(ADMIN).delete("/api/v1/windows/" + w).then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/window-staffed"));
        as(op).delete("/api/v1/windows/" + w + "/session").then().statusCode(200);

        as(ADMIN).delete("/api/v1/windows/" + w).then().statusCode(204);
        as(ADMIN).get("/api/v1/branches/" + b + "/windows").then().body("id", not(hasItem((int) w)));
        as(op).body(Map.of("fullName", "Сарсенова Айгерим", "position", "менеджер"))
                .post("/api/v1/windows/" + w + "/session").then().statusCode(404);
        as(ADMIN).delete("/api/v1/windows/" + w).then().statusCode(404);

        long again = window(b, 3, "INTAKE");
        as(ADMIN).get("/api/v1/branches/" + b + "/windows").then().body("number", equalTo(List.of(3)))
                .body("id", equalTo(List.of((int) again)));
    }

    @Test
    void aTicketTransferredToAWindowThatIsRetiredGoesBackToItsCategoryQueue() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-17T10:00")); // a Tuesday
        String b = branch("REGULAR", "INTAKE");
        long first = window(b, 1, "INTAKE");
        long target = window(b, 2, "INTAKE");
        String op = operator("op-tr-" + System.nanoTime(), b);
        signIn(first, op, "Жақсылықов Ерлан");
        String ticket = walkIn(b, "INTAKE").jsonPath().getString("id");
        callNext(op, first).then().statusCode(200);
        as(op).body(Map.of("windowId", target)).post("/api/v1/tickets/" + ticket + "/transfer").then().statusCode(200);
        // only window 2 may call it now: window 1 finds nobody
        callNext(op, first).then().statusCode(204);

        as(ADMIN).delete("/api/v1/windows/" + target).then().statusCode(204);
        callNext(op, first).then().statusCode(200).body("ticket.id", equalTo(ticket));
    }

    private static Response kioskTicket(String branch, String category) {
        return Queue.issue(operator("kiosk", branch), branch,
                Map.of("category", category, "channel", "WALK_IN", "language", "ru"));
    }

    /** A branch's categories are read from memory on every ticket; taking one away here is honoured at once. */
    @Test
    void aCategoryTakenFromABranchIsRefusedByTheVeryNextTicket() {
        clock.pinAlmaty(TUESDAY_MORNING);
        String b = branch("REGULAR", "INTAKE", "ISSUANCE");
        walkIn(b, "ISSUANCE"); // the branch is in memory now
        as(ADMIN).body(List.of("INTAKE")).put("/api/v1/branches/" + b + "/categories").then().statusCode(200);
        kioskTicket(b, "ISSUANCE").then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/category-not-served"));
        kioskTicket(b, "INTAKE").then().statusCode(201);
    }

    @Test
    void R3_aBranchsNewTimeZoneIsHonouredByTheVeryNextTicket() {
        clock.pinAlmaty(TUESDAY_MORNING);
        String b = branch("REGULAR", "INTAKE");
        walkIn(b, "INTAKE"); // open at 10:00 in Almaty, and the branch is in memory now
        as(ADMIN).body(change("REGULAR", "America/New_York")).put("/api/v1/branches/" + b).then().statusCode(200);
        kioskTicket(b, "INTAKE").then().statusCode(409).body("code", equalTo("branch-closed"));
    }

    /**
     * Another instance's admin change reaches this instance's memory within the TTL: simulated
     * by changing the row behind this instance's back, as the other instance's transaction would.
     */
    @Test
    void R3_aTimeZoneChangedByAnotherInstanceIsHonouredWithinTheTtl() throws Exception {
        clock.pinAlmaty(TUESDAY_MORNING);
        String b = branch("REGULAR", "INTAKE");
        walkIn(b, "INTAKE");
        sql("UPDATE branch SET time_zone = 'America/New_York' WHERE code = ?", b);
        long changed = System.nanoTime();
        // read from memory, not from the row: the old zone still answers for a moment
        kioskTicket(b, "INTAKE").then().statusCode(201);
        Response r = kioskTicket(b, "INTAKE");
        while (r.statusCode() == 201 && System.nanoTime() - changed < TTL.multipliedBy(3).toNanos()) {
            Thread.sleep(100);
            r = kioskTicket(b, "INTAKE");
        }
        r.then().statusCode(409).body("code", equalTo("branch-closed"));
        assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(TTL.plusSeconds(1));
    }

    /** R6: the queue mode is never taken from memory; a switch made on another instance counts at once. */
    @Test
    void R6_aModeSwitchedByAnotherInstanceIsHonouredByTheVeryNextTicket() throws Exception {
        clock.pinAlmaty(TUESDAY_MORNING);
        String b = branch("REGULAR", "INTAKE");
        walkIn(b, "INTAKE"); // the branch is in memory now
        sql("UPDATE branch SET mode = 'LIVE', version = version + 1 WHERE code = ?", b);
        kioskTicket(b, "INTAKE").then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/branch-live-queue"));
    }

    private void sql(String statement, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
