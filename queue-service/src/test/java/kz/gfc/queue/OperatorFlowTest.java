package kz.gfc.queue;

import static kz.gfc.queue.Queue.act;
import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.callNext;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.issue;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.priority;
import static kz.gfc.queue.Queue.serveNext;
import static kz.gfc.queue.Queue.signIn;
import static kz.gfc.queue.Queue.walkIn;
import static kz.gfc.queue.Queue.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;
import kz.gfc.queue.domain.window.CallOrder;

/** The operator's side: sessions with the R6 nameplate, CallOrder (R12 priority), the ticket's state machine. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OperatorFlowTest extends PinnedClock {

    @BeforeEach
    void wednesdayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T10:00"));
    }

    private static String op(String name, String branch) {
        return operator(name + "-" + System.nanoTime(), branch);
    }

    @Test
    void R6_aCallShowsTheWindowAndTheOperatorsFullNameAndPosition() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 3, "INTAKE");
        String login = "op-plate-" + System.nanoTime();
        // the name is the token's; the position is the staff directory's, not the request's
        String me = ServiceContract.token(login, Map.of("branch", b, "name", "Сәрсенова Айгүл Болатқызы"), "operator");
        as(me).body(Map.of("fullName", "Кто Угодно", "position", "директор")).post("/api/v1/windows/" + w + "/session")
                .then().statusCode(422).body("type", equalTo("https://gfc.kz/problems/nameplate-required"));
        callNext(me, w).then().statusCode(409).body("type", equalTo("https://gfc.kz/problems/window-not-staffed"));
        as(Queue.ADMIN).body(Map.of("position", "бас менеджер")).put("/api/v1/branches/" + b + "/staff/" + login)
                .then().statusCode(200).body("position", equalTo("бас менеджер"));
        as(me).body(Map.of("fullName", "Кто Угодно", "position", "директор"))
                .post("/api/v1/windows/" + w + "/session").then().statusCode(200)
                .body("operatorName", equalTo("Сәрсенова Айгүл Болатқызы"))
                .body("operatorPosition", equalTo("бас менеджер"));
        as(op("other", b)).post("/api/v1/windows/" + w + "/session").then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/window-occupied"));
        callNext(me, w).then().statusCode(204);
        String citizen = citizen("holder");
        String id = issue(citizen, b, Map.of("category", "INTAKE", "channel", "MOBILE", "language", "kk"))
                .then().statusCode(201).extract().path("id");
        callNext(me, w).then().statusCode(200)
                .body("rule", equalTo("FIFO"))
                .body("ticket.number", equalTo("A-001"))
                .body("ticket.status", equalTo("CALLED"))
                .body("ticket.window.number", equalTo(3))
                .body("ticket.window.operatorName", equalTo("Сәрсенова Айгүл Болатқызы"))
                .body("ticket.window.operatorPosition", equalTo("бас менеджер"));
        as(citizen).get("/api/v1/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("CALLED"))
                .body("text", equalTo("A-001 талоны: 3-терезеге келіңіз. Сізге Сәрсенова Айгүл Болатқызы, бас менеджер қызмет көрсетеді."));
        callNext(me, w).then().statusCode(409).body("type", equalTo("https://gfc.kz/problems/window-busy"));
        as(me).delete("/api/v1/windows/" + w + "/session").then().statusCode(409);
        act(me, id, "start").then().statusCode(200).body("status", equalTo("IN_SERVICE"));
        act(me, id, "complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
        as(me).delete("/api/v1/windows/" + w + "/session").then().statusCode(200).body("operatorName", nullValue());
    }

    @Test
    void illegalTransitionsAreRefusedWith409() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 1, "INTAKE");
        String me = op("op", b);
        signIn(w, me, "Ахметов Ержан");
        String id = walkIn(b, "INTAKE").jsonPath().getString("id");
        act(me, id, "complete").then().statusCode(409).contentType(startsWith("application/problem+json"));
        act(me, id, "start").then().statusCode(409);
        act(me, id, "no-show").then().statusCode(409);
        callNext(me, w).then().statusCode(200);
        act(me, id, "complete").then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/illegal-ticket-transition"));
        act(op("stranger", b), id, "start").then().statusCode(403);
        act(me, id, "start").then().statusCode(200);
        act(me, id, "start").then().statusCode(409);
        act(me, id, "recall").then().statusCode(409);
        act(me, id, "complete").then().statusCode(200);
        act(me, id, "complete").then().statusCode(409);
        act(me, id, "reinstate").then().statusCode(409);
        act(me, id, "transfer").then().statusCode(409);
        as(me).body(Map.of("applicationId", "x y")).post("/api/v1/tickets/" + id + "/complete").then().statusCode(422);
    }

    @Test
    void noShowAfterTheRecallsMayBeReinstatedWithinTheWindowAtItsOldPlace() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 1, "INTAKE");
        String me = op("op", b);
        signIn(w, me, "Ким Ольга");
        String late = walkIn(b, "INTAKE").jsonPath().getString("id");
        clock.advanceMinutes(1);
        walkIn(b, "INTAKE");
        callNext(me, w).then().statusCode(200).body("ticket.id", equalTo(late));
        act(me, late, "no-show").then().statusCode(409).body("type", equalTo("https://gfc.kz/problems/recall-first"));
        act(me, late, "recall").then().statusCode(200);
        act(me, late, "recall").then().statusCode(200);
        act(me, late, "recall").then().statusCode(409).body("type", equalTo("https://gfc.kz/problems/recall-limit"));
        act(me, late, "no-show").then().statusCode(200).body("status", equalTo("NO_SHOW"));
        clock.advanceMinutes(9);
        act(me, late, "reinstate").then().statusCode(200).body("status", equalTo("WAITING")).body("position", equalTo(1));
        callNext(me, w).then().statusCode(200).body("ticket.id", equalTo(late));
        act(me, late, "recall").then().statusCode(200);
        act(me, late, "recall").then().statusCode(200);
        act(me, late, "no-show").then().statusCode(200);
        clock.advanceMinutes(11);
        act(me, late, "reinstate").then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/reinstate-window-passed"));
    }

    @Test
    void aTransferKeepsThePlaceInLineAndMayReturnToTheFirstCategory() {
        String b = branch("REGULAR", "INTAKE", "ISSUANCE");
        long intake = window(b, 1, "INTAKE");
        long issuance = window(b, 2, "ISSUANCE");
        String a = op("a", b);
        String c = op("c", b);
        signIn(intake, a, "Оператор Приёма");
        signIn(issuance, c, "Оператор Выдачи");
        String early = walkIn(b, "INTAKE").jsonPath().getString("id");
        clock.advanceMinutes(5);
        String issuanceTicket = walkIn(b, "ISSUANCE").jsonPath().getString("id");
        callNext(a, intake).then().body("ticket.id", equalTo(early));
        act(a, early, "start").then().statusCode(200);
        as(a).body(Map.of("category", "ISSUANCE", "returnAfter", true)).post("/api/v1/tickets/" + early + "/transfer")
                .then().statusCode(200)
                .body("status", equalTo("WAITING"))
                .body("categoryCode", equalTo("ISSUANCE"))
                .body("number", equalTo("A-001"))
                .body("position", equalTo(1)); // issued before the issuance ticket, so ahead of it
        callNext(c, issuance).then().body("ticket.id", equalTo(early));
        act(c, early, "start").then().statusCode(200);
        act(c, early, "complete").then().statusCode(200)
                .body("status", equalTo("WAITING")).body("categoryCode", equalTo("INTAKE"));
        callNext(a, intake).then().body("ticket.id", equalTo(early));
        act(a, early, "start");
        act(a, early, "complete").then().body("status", equalTo("COMPLETED"));
        callNext(c, issuance).then().body("ticket.id", equalTo(issuanceTicket));
        as(c).body(Map.of()).post("/api/v1/tickets/" + issuanceTicket + "/transfer").then().statusCode(422);
        as(c).body(Map.of("windowId", intake)).post("/api/v1/tickets/" + issuanceTicket + "/transfer").then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/window-does-not-serve"));
        as(c).body(Map.of("category", "SELF")).post("/api/v1/tickets/" + issuanceTicket + "/transfer").then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/category-not-served"));
    }

    @Test
    void R12_priorityTicketsGoFirstByWeightButTheStarvationBoundLetsAnOrdinaryOneThrough() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 1, "INTAKE");
        String me = op("op", b);
        signIn(w, me, "Нұрланова Дана");
        walkIn(b, "INTAKE");                         // A-001 ordinary
        walkIn(b, "INTAKE");                         // A-002 ordinary
        priority(b, "INTAKE", "ELDERLY");            // A-003 weight 10
        priority(b, "INTAKE", "PREGNANCY");          // A-004 weight 20
        priority(b, "INTAKE", "DISABILITY");         // A-005 weight 30
        priority(b, "INTAKE", "DISABILITY");         // A-006 weight 30
        priority(b, "INTAKE", "ELDERLY");            // A-007 weight 10
        List<String> called = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Response r = callNext(me, w);
            r.then().statusCode(200);
            called.add(r.jsonPath().getString("ticket.number"));
            rules.add(r.jsonPath().getString("rule"));
            String id = r.jsonPath().getString("ticket.id");
            act(me, id, "start");
            act(me, id, "complete");
        }
        // bound N = 3: three priority calls, then an ordinary one, then priority again
        assertThat(called).containsExactly("A-005", "A-006", "A-004", "A-001", "A-003", "A-007", "A-002");
        assertThat(rules).containsExactly("PRIORITY", "PRIORITY", "PRIORITY", "STARVATION_BOUND", "PRIORITY",
                "PRIORITY", "FIFO");
        callNext(me, w).then().statusCode(204);
        // every decision is recorded with its rule (auditable fairness)
        as(Queue.supervisor(b)).get("/api/v1/branches/" + b + "/call-decisions?date=2026-11-11").then().statusCode(200)
                .body("size()", equalTo(7))
                .body("rule[3]", equalTo("STARVATION_BOUND"))
                .body("priorityStreak[3]", equalTo(3));
        as(Queue.supervisor(b)).get("/api/v1/branches/" + b + "/call-decisions?date=11.11.2026").then().statusCode(422);
    }

    /** R12: a light priority ground ages, so heavier newcomers cannot starve it. */
    @Test
    void R12_aLightPriorityTicketAgesAheadOfHeavierNewcomers() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 1, "INTAKE");
        String me = op("op", b);
        signIn(w, me, "Нұрланова Дана");
        priority(b, "INTAKE", "ELDERLY");            // A-001 weight 10, waits
        clock.advanceMinutes(19);
        priority(b, "INTAKE", "DISABILITY");         // A-002 weight 30; A-001 has aged to 20
        clock.advanceMinutes(1);
        priority(b, "INTAKE", "DISABILITY");         // A-003 weight 30; A-001 has aged to 30, and came first
        List<String> called = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response r = callNext(me, w);
            called.add(r.jsonPath().getString("ticket.number"));
            String id = r.jsonPath().getString("ticket.id");
            act(me, id, "start");
            act(me, id, "complete");
        }
        assertThat(called).containsExactly("A-001", "A-002", "A-003");
    }

    /** R12: the starvation run belongs to the window, so signing out and in does not reset it. */
    @Test
    void R12_signingOutDoesNotResetTheStarvationCount() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 1, "INTAKE");
        String me = op("op", b);
        signIn(w, me, "Нұрланова Дана");
        walkIn(b, "INTAKE");                         // A-001 ordinary
        for (int i = 0; i < 4; i++) {
            priority(b, "INTAKE", "DISABILITY");     // A-002..A-005
        }
        for (int i = 0; i < 3; i++) {
            String id = callNext(me, w).then().statusCode(200).body("rule", equalTo("PRIORITY")).extract().path("ticket.id");
            act(me, id, "start");
            act(me, id, "complete");
        }
        as(me).delete("/api/v1/windows/" + w + "/session").then().statusCode(200);
        signIn(w, me, "Нұрланова Дана");
        callNext(me, w).then().statusCode(200).body("ticket.number", equalTo("A-001"))
                .body("rule", equalTo("STARVATION_BOUND"));
    }

    @Test
    void R12_remoteVideoCallGivesOperatorAndCitizenTheSameRoom() {
        String b = branch("REGULAR", "INTAKE", "VIDEO");
        long w = window(b, 10, "VIDEO");
        String me = operator("video-" + System.nanoTime(), b, "Жұмабаев Арман");
        signIn(w, me, "Жұмабаев Арман");
        String citizen = citizen("remote");
        String id = issue(citizen, b, Map.of("category", "VIDEO", "channel", "REMOTE_VIDEO", "language", "ru"))
                .then().statusCode(201).body("number", equalTo("V-001")).body("roomReference", nullValue())
                .extract().path("id");
        Response call = callNext(me, w);
        call.then().statusCode(200).body("roomReference", startsWith("https://video.gfc.kz/room/"));
        String room = call.jsonPath().getString("roomReference");
        as(citizen).get("/api/v1/tickets/" + id).then().statusCode(200)
                .body("roomReference", equalTo(room))
                .body("text", equalTo("Талон V-001: подключитесь к видеозвонку. Вас обслужит Жұмабаев Арман, бас менеджер / главный менеджер."));
    }

    @Test
    void R11_selfServiceWindowCallsOnlySelfServiceTickets() {
        String b = branch("REGULAR", "INTAKE", "SELF");
        long self = window(b, 4, "SELF");
        String consultant = op("self", b);
        signIn(self, consultant, "Консультант Сектора");
        walkIn(b, "INTAKE");
        callNext(consultant, self).then().statusCode(204);
        walkIn(b, "SELF");
        assertThat(serveNext(consultant, self)).isEqualTo("S-001");
        assertThat(serveNext(consultant, self)).isNull();
    }

    @Test
    void completionCarriesTheApplicationItProduced() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 1, "INTAKE");
        String me = op("op", b);
        signIn(w, me, "Оператор");
        String id = walkIn(b, "INTAKE").jsonPath().getString("id");
        callNext(me, w);
        act(me, id, "start");
        as(me).body(Map.of("applicationId", "APP-2026-000123")).post("/api/v1/tickets/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("calledAt", notNullValue())
                .body("applicationId", equalTo("APP-2026-000123"));
        as(me).get("/api/v1/tickets/" + id).then().statusCode(200).body("applicationId", equalTo("APP-2026-000123"));
    }
}
