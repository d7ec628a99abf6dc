package kz.gfc.queue;

import static kz.gfc.queue.Queue.act;
import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.callNext;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.signIn;
import static kz.gfc.queue.Queue.walkIn;
import static kz.gfc.queue.Queue.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import kz.gfc.kit.testing.RealInfrastructure;

/** What an operator and a supervisor need on day one: a break, a call by number, the live view of the floor. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SupervisorFloorTest extends PinnedClock {

    @BeforeEach
    void thursdayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-12T10:00"));
    }

    @Test
    void R6_aPausedWindowCallsNobodyAndIsNotCountedInTheWaitBandUntilItResumes() {
        String b = branch("REGULAR", "INTAKE");
        long w1 = window(b, 1, "INTAKE");
        long w2 = window(b, 2, "INTAKE");
        String op1 = operator("op-a-" + System.nanoTime(), b);
        String op2 = operator("op-b-" + System.nanoTime(), b);
        signIn(w1, op1, "Оператор А");
        signIn(w2, op2, "Оператор Б");
        String last = null;
        for (int i = 0; i < 6; i++) {
            last = walkIn(b, "INTAKE").jsonPath().getString("id");
        }
        String supervisor = Queue.supervisor(b);
        int twoWindows = as(supervisor).get("/api/v1/tickets/" + last).then().statusCode(200)
                .extract().path("estimatedWait.toMinutes");

        as(op2).body(Map.of("reason", "обед")).post("/api/v1/windows/" + w2 + "/pause").then().statusCode(200)
                .body("pauseReason", equalTo("обед"));
        callNext(op2, w2).then().statusCode(409).body("type", equalTo("https://gfc.kz/problems/window-paused"));
        int oneWindow = as(supervisor).get("/api/v1/tickets/" + last).then().statusCode(200)
                .extract().path("estimatedWait.toMinutes");
        assertThat(oneWindow).as("a paused window does not work the line").isGreaterThan(twoWindows);
        floor(b).then().statusCode(200).body("categories.find { it.category == 'INTAKE' }.windowsOpen", equalTo(1))
                .body("categories.find { it.category == 'INTAKE' }.windowsPaused", equalTo(1));

        as(op2).post("/api/v1/windows/" + w2 + "/resume").then().statusCode(200).body("pausedAt", nullValue());
        callNext(op2, w2).then().statusCode(200).body("ticket.number", equalTo("A-001"));
        as(op2).body(Map.of()).post("/api/v1/windows/" + w2 + "/pause").then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/window-busy"));
    }

    @Test
    void R12_anOperatorCallsATicketByNumberOutOfTurnAndTheReasonIsRecorded() {
        String b = branch("REGULAR", "INTAKE", "CONSULT");
        long w = window(b, 1, "INTAKE");
        String op = operator("op-number-" + System.nanoTime(), b);
        signIn(w, op, "Оператор");
        walkIn(b, "INTAKE");
        walkIn(b, "INTAKE");
        walkIn(b, "CONSULT");                                 // C-001

        as(op).body(Map.of("number", "A-002")).post("/api/v1/windows/" + w + "/call").then().statusCode(422);
        as(op).body(Map.of("number", "A-009", "reason", "вернулся из кассы")).post("/api/v1/windows/" + w + "/call")
                .then().statusCode(404);
        as(op).body(Map.of("number", "C-001", "reason", "вернулся из кассы")).post("/api/v1/windows/" + w + "/call")
                .then().statusCode(422).body("type", equalTo("https://gfc.kz/problems/window-does-not-serve"));
        String id = as(op).body(Map.of("number", "A-002", "reason", "вернулся из кассы"))
                .post("/api/v1/windows/" + w + "/call").then().statusCode(200)
                .body("rule", equalTo("BY_NUMBER")).body("ticket.number", equalTo("A-002"))
                .extract().path("ticket.id");
        act(op, id, "start").then().statusCode(200);
        act(op, id, "complete").then().statusCode(200);
        as(op).body(Map.of("number", "A-002", "reason", "ещё раз")).post("/api/v1/windows/" + w + "/call").then()
                .statusCode(409).body("type", equalTo("https://gfc.kz/problems/ticket-not-waiting"));
        callNext(op, w).then().statusCode(200).body("ticket.number", equalTo("A-001")).body("rule", equalTo("FIFO"));

        as(Queue.supervisor(b)).get("/api/v1/branches/" + b + "/call-decisions?date=2026-11-12").then().statusCode(200)
                .body("rule", equalTo(java.util.List.of("BY_NUMBER", "FIFO")))
                .body("reason[0]", equalTo("вернулся из кассы"));
    }

    @Test
    void aSupervisorSeesWhoWaitsHowLongWhatWasServedAndWhichWindowsWork() {
        String b = branch("REGULAR", "INTAKE", "CONSULT");
        long w1 = window(b, 1, "INTAKE");
        long w2 = window(b, 2, "INTAKE", "CONSULT");
        String op1 = operator("op-f1-" + System.nanoTime(), b);
        String op2 = operator("op-f2-" + System.nanoTime(), b);
        signIn(w1, op1, "Оператор 1");
        signIn(w2, op2, "Оператор 2");
        walkIn(b, "INTAKE");
        walkIn(b, "INTAKE");
        walkIn(b, "INTAKE");
        clock.advanceMinutes(10);
        walkIn(b, "CONSULT");
        String served = callNext(op1, w1).then().statusCode(200).extract().path("ticket.id");
        act(op1, served, "start").then().statusCode(200);
        clock.advanceMinutes(6);
        act(op1, served, "complete").then().statusCode(200);

        JsonPath floor = floor(b).then().statusCode(200).extract().jsonPath();
        assertThat(floor.getString("branchCode")).isEqualTo(b);
        Map<String, Object> intake = floor.getMap("categories.find { it.category == 'INTAKE' }");
        assertThat(intake).containsEntry("waiting", 2).containsEntry("longestWaitMinutes", 16)
                .containsEntry("servedToday", 1).containsEntry("meanServiceMinutes", 6.0f).containsEntry("windowsOpen", 2);
        Map<String, Object> consult = floor.getMap("categories.find { it.category == 'CONSULT' }");
        assertThat(consult).containsEntry("waiting", 1).containsEntry("longestWaitMinutes", 6)
                .containsEntry("servedToday", 0).containsEntry("windowsOpen", 1);

        as(Queue.supervisor(branch("REGULAR", "INTAKE"))).get("/api/v1/branches/" + b + "/floor").then().statusCode(403);
        as(op1).get("/api/v1/branches/" + b + "/floor").then().statusCode(403);
        as(citizen("curious")).get("/api/v1/branches/" + b + "/floor").then().statusCode(403);
    }

    private static io.restassured.response.Response floor(String b) {
        return as(Queue.supervisor(b)).get("/api/v1/branches/" + b + "/floor");
    }
}
