package kz.gfc.queue;

import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.callNext;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.signIn;
import static kz.gfc.queue.Queue.supervisor;
import static kz.gfc.queue.Queue.walkIn;
import static kz.gfc.queue.Queue.window;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.testing.ServiceContract;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * Staff act at their own branch: the token's {@code branch} claim (Keycloak user attribute)
 * names it. An operator in one centre neither sits at another's window, nor issues or reads
 * its tickets; a supervisor runs only their own branch; internal control reads all.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class BranchScopeTest extends PinnedClock {

    @BeforeEach
    void tuesdayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-17T10:00"));
    }

    private static final Map<String, Object> SESSION = Map.of("fullName", "Әлиева Гүлнар", "position", "менеджер");

    @Test
    void anOperatorSitsOnlyAtAWindowOfTheirOwnBranch() {
        String mine = branch("REGULAR", "INTAKE");
        String theirs = branch("REGULAR", "INTAKE");
        long myWindow = window(mine, 1, "INTAKE");
        long theirWindow = window(theirs, 1, "INTAKE");
        String op = operator("op-scope-" + System.nanoTime(), mine);

        as(op).header("Accept-Language", "kk").body(SESSION).post("/api/v1/windows/" + theirWindow + "/session").then()
                .statusCode(403).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/not-your-branch"))
                .body("userMessage", equalTo("Сіз бұл филиалда жұмыс істемейсіз"));
        as(op).body(SESSION).post("/api/v1/windows/" + myWindow + "/session").then().statusCode(200);
        // nobody sat down at the other window
        as(operator("op-there", theirs)).get("/api/v1/branches/" + theirs + "/windows").then()
                .body("find { it.id == " + theirWindow + " }.operatorId", equalTo(null));
        as(op).get("/api/v1/branches/" + theirs + "/windows").then().statusCode(403);
    }

    @Test
    void staffWithoutABranchInTheirTokenActNowhere() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 1, "INTAKE");
        String nobody = ServiceContract.token("op-unassigned-" + System.nanoTime(), "operator");
        as(nobody).body(SESSION).post("/api/v1/windows/" + w + "/session").then().statusCode(403)
                .body("type", equalTo("https://gfc.kz/problems/not-your-branch"));
        as(nobody).body(Map.of("category", "INTAKE", "channel", "WALK_IN", "language", "ru"))
                .post("/api/v1/branches/" + b + "/tickets").then().statusCode(403);
    }

    @Test
    void aKioskIssuesAndStaffReadTicketsOfTheirOwnBranchOnly() {
        String mine = branch("REGULAR", "INTAKE");
        String theirs = branch("REGULAR", "INTAKE");
        Map<String, Object> walkIn = Map.of("category", "INTAKE", "channel", "WALK_IN", "language", "ru");
        as(operator("kiosk", mine)).body(walkIn).post("/api/v1/branches/" + theirs + "/tickets").then().statusCode(403);
        String theirTicket = walkIn(theirs, "INTAKE").jsonPath().getString("id");
        // nothing was issued at the other branch by the refused kiosk: its first ticket is A-001
        as(operator("op-there", theirs)).get("/api/v1/tickets/" + theirTicket).then().statusCode(200)
                .body("number", equalTo("A-001"));
        as(operator("op-here", mine)).get("/api/v1/tickets/" + theirTicket).then().statusCode(404);
        as(supervisor(mine)).get("/api/v1/tickets/" + theirTicket).then().statusCode(404);
    }

    @Test
    void aSupervisorRunsOnlyTheirOwnBranchWhileInternalControlReadsAll() {
        String mine = branch("REGULAR", "INTAKE");
        String theirs = branch("REGULAR", "INTAKE");
        long theirWindow = window(theirs, 1, "INTAKE");
        String theirOp = operator("op-there-" + System.nanoTime(), theirs);
        signIn(theirWindow, theirOp, "Серікбаев Нұрлан");
        String ticket = walkIn(theirs, "INTAKE").jsonPath().getString("id");
        callNext(theirOp, theirWindow).then().statusCode(200);

        as(supervisor(mine)).body(Map.of("mode", "LIVE")).put("/api/v1/branches/" + theirs + "/mode").then().statusCode(403);
        as(supervisor(mine)).post("/api/v1/tickets/" + ticket + "/recall").then().statusCode(403);
        as(supervisor(mine)).delete("/api/v1/windows/" + theirWindow + "/session").then().statusCode(403);
        as(supervisor(mine)).get("/api/v1/branches/" + theirs + "/call-decisions?date=2026-11-17").then().statusCode(403);
        as(ServiceContract.token("auditor-1", "auditor")).get("/api/v1/branches/" + theirs + "/call-decisions?date=2026-11-17")
                .then().statusCode(200).body("size()", equalTo(1));

        as(supervisor(theirs)).post("/api/v1/tickets/" + ticket + "/recall").then().statusCode(200);
        as(supervisor(theirs)).get("/api/v1/branches/" + theirs + "/call-decisions?date=2026-11-17").then().statusCode(200);
        as(supervisor(theirs)).body(Map.of("mode", "LIVE")).put("/api/v1/branches/" + theirs + "/mode").then()
                .statusCode(200).body("mode", equalTo("LIVE"));
    }
}
