package kz.gfc.queue;

import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.issue;
import static kz.gfc.queue.Queue.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.ServiceContract;

/** Issuing tickets, the digital ticket (R12) in its language (R16), and the holder's own actions. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TicketTest extends PinnedClock {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void tuesdayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-10T10:00"));
    }

    private static Map<String, Object> body(String category, String lang, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("category", category, "channel", "MOBILE", "language", lang));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    @Test
    void R12_digitalTicketHasItsNumberPlaceWaitBandAndNamesInItsLanguage() {
        String b = branch("REGULAR", "INTAKE", "ISSUANCE");
        issue(citizen("a"), b, body("INTAKE", "ru")).then().statusCode(201).body("number", equalTo("A-001"));
        issue(citizen("b"), b, body("INTAKE", "ru")).then().statusCode(201).body("number", equalTo("A-002"));
        issue(citizen("c"), b, body("ISSUANCE", "ru")).then().statusCode(201).body("number", equalTo("B-001"));
        Response third = issue(citizen("d"), b, body("INTAKE", "kk"));
        third.then().statusCode(201)
                .header("Location", containsString("/api/v1/tickets/"))
                .body("number", equalTo("A-003"))
                .body("status", equalTo("WAITING"))
                .body("position", equalTo(3))
                .body("peopleAhead", equalTo(2))
                .body("categoryName", equalTo("Құжаттарды қабылдау"))
                .body("branchName", startsWith("Сынақ ХҚКО"))
                .body("estimatedWait.basis", equalTo("NORM"))
                .body("text", containsString("A-003 талоны"))
                .body("text", containsString("Алдыңызда 2 адам"));
        int from = third.jsonPath().getInt("estimatedWait.fromMinutes");
        int to = third.jsonPath().getInt("estimatedWait.toMinutes");
        // two people ahead, 15 expected minutes each, no window open yet: 30 minutes lies inside the band
        assertThat(from).isLessThanOrEqualTo(30).isGreaterThanOrEqualTo(0);
        assertThat(to).isGreaterThanOrEqualTo(30).isGreaterThan(from);
    }

    @Test
    void R12_holderSeesTheTicketOthersDoNotAndOnlyTheOwnerCancels() {
        String b = branch("REGULAR", "INTAKE");
        String owner = citizen("owner-1");
        String first = issue(owner, b, body("INTAKE", "ru")).then().statusCode(201).extract().path("id");
        String second = issue(citizen("owner-2"), b, body("INTAKE", "ru")).then().statusCode(201).extract().path("id");
        as(owner).get("/api/v1/tickets/" + first).then().statusCode(200).body("position", equalTo(1));
        as(citizen("stranger")).get("/api/v1/tickets/" + first).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as(Queue.operator("op-x", b)).get("/api/v1/tickets/" + first).then().statusCode(200);
        as(citizen("stranger")).delete("/api/v1/tickets/" + first).then().statusCode(404);
        as(owner).delete("/api/v1/tickets/" + first).then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(owner).delete("/api/v1/tickets/" + first).then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/illegal-ticket-transition"));
        as(citizen("owner-2")).get("/api/v1/tickets/" + second).then().statusCode(200).body("position", equalTo(1));
    }

    @Test
    void R12_aTicketBelongsToTheTokensSubjectNotToItsLogin() {
        String b = branch("REGULAR", "INTAKE");
        String subject = "citizen-subject-" + System.nanoTime();
        String id = issue(ServiceContract.token("aigerim", subject, Map.of(), "citizen"), b, body("INTAKE", "ru"))
                .then().statusCode(201).extract().path("id");
        // the same person after their login was renamed still holds it
        as(ServiceContract.token("aigerim.n", subject, Map.of(), "citizen")).get("/api/v1/tickets/" + id).then()
                .statusCode(200);
        // someone else who was handed the old login does not
        as(ServiceContract.token("aigerim", "another-" + subject, Map.of(), "citizen")).get("/api/v1/tickets/" + id)
                .then().statusCode(404);
    }

    /** A citizen's IIN is their sign-in's; an account cannot hold more than a few waiting tickets; staff can. */
    @Test
    void R12_R23_aCitizenTakesTicketsOnlyAsThemselfAndAnAccountHoldsAFewAtMost() {
        String b = branch("REGULAR", "INTAKE", "CONSULT", "SELF", "ISSUANCE");
        String iin = SyntheticIins.random().value();
        String me = citizen("capped-" + System.nanoTime(), iin);
        issue(me, b, body("INTAKE", "ru", "iin", SyntheticIins.random().value())).then().statusCode(403)
                .body("type", equalTo("https://gfc.kz/problems/iin-not-yours"));
        issue(me, b, body("INTAKE", "ru")).then().statusCode(201);
        issue(me, b, body("INTAKE", "ru")).then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/already-waiting"));
        issue(me, b, body("CONSULT", "ru", "iin", iin)).then().statusCode(201);
        issue(me, b, body("SELF", "ru")).then().statusCode(201);
        issue(me, b, body("ISSUANCE", "kk")).then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/ticket-cap-reached"))
                .body("userMessage", containsString("3"));
        String op = operator("kiosk-" + System.nanoTime(), b);
        for (int i = 0; i < 5; i++) {
            issue(op, b, body("ISSUANCE", "ru", "iin", SyntheticIins.random().value())).then().statusCode(201);
        }
    }

    @Test
    void atMostOneWaitingTicketPerIinPerCategoryAndBranch() {
        String b = branch("REGULAR", "INTAKE", "CONSULT");
        String iin = SyntheticIins.random().value();
        String me = citizen("iin-holder", iin);
        String id = issue(me, b, body("INTAKE", "ru", "iin", iin)).then().statusCode(201).extract().path("id");
        issue(me, b, body("INTAKE", "kk", "iin", iin)).then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/already-waiting"))
                .body("userMessage", containsString("талон"));
        issue(me, b, body("CONSULT", "ru", "iin", iin)).then().statusCode(201);
        issue(me, branch("REGULAR", "INTAKE"), body("INTAKE", "ru", "iin", iin)).then().statusCode(201);
        as(me).delete("/api/v1/tickets/" + id).then().statusCode(200);
        issue(me, b, body("INTAKE", "ru", "iin", iin)).then().statusCode(201);
        // left waiting at closing time, it does not block the same person the next morning
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T09:05"));
        issue(me, b, body("INTAKE", "ru", "iin", iin)).then().statusCode(201).body("number", equalTo("A-001"));
        issue(me, b, body("INTAKE", "ru", "iin", iin)).then().statusCode(409);
    }

    @Test
    void aCitizenMayPostponeTheirTicketABoundedNumberOfTimes() {
        String b = branch("REGULAR", "INTAKE");
        String me = citizen("slow");
        String id = issue(me, b, body("INTAKE", "ru")).then().statusCode(201).extract().path("id");
        issue(citizen("p2"), b, body("INTAKE", "ru")).then().statusCode(201);
        issue(citizen("p3"), b, body("INTAKE", "ru")).then().statusCode(201);
        clock.advanceMinutes(1);
        as(me).post("/api/v1/tickets/" + id + "/postpone").then().statusCode(200)
                .body("position", equalTo(3)).body("postponesLeft", equalTo(1));
        clock.advanceMinutes(1);
        as(me).post("/api/v1/tickets/" + id + "/postpone").then().statusCode(200).body("postponesLeft", equalTo(0));
        as(me).post("/api/v1/tickets/" + id + "/postpone").then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/postpone-limit"));
        as(citizen("p2")).post("/api/v1/tickets/" + id + "/postpone").then().statusCode(404);
    }

    @Test
    void theWaitBandComesFromTheBranchesOwnHistoryOnceEnoughVisitsWereServed() {
        String b = branch("REGULAR", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-16T11:50")); // a Monday, 11 o'clock hour
        for (int i = 1; i <= 20; i++) {
            // 20 visits served earlier this hour, 6 minutes each (posted as reconciled live tickets)
            as(Queue.supervisor(b)).body(Map.of("handNumber", "H-" + i, "category", "INTAKE",
                    "issuedAt", "2026-11-16T11:00:00+05:00", "calledAt", "2026-11-16T11:05:00+05:00",
                    "completedAt", "2026-11-16T11:11:00+05:00", "outcome", "COMPLETED"))
                    .post("/api/v1/branches/" + b + "/live-tickets").then().statusCode(201);
            if (i == 19) {
                issue(citizen("early"), b, body("INTAKE", "ru")).then().statusCode(201)
                        .body("estimatedWait.basis", equalTo("NORM"));
            }
        }
        issue(citizen("h2"), b, body("INTAKE", "ru")).then().statusCode(201);
        // two ahead, 6 minutes a visit, one window (none signed in yet counts as one): called when
        // it frees up the 3rd time, about 15 minutes, ± 6·√3 → 4.6–25.4, rounded outward
        issue(citizen("h3"), b, body("INTAKE", "ru")).then().statusCode(201)
                .body("position", equalTo(3))
                .body("estimatedWait.basis", equalTo("HISTORY"))
                .body("estimatedWait.fromMinutes", equalTo(0))
                .body("estimatedWait.toMinutes", equalTo(30));
    }

    @Test
    void R11_selfServiceSectorHasItsOwnTicketCategory() {
        String b = branch("REGULAR", "INTAKE", "SELF");
        issue(citizen("self"), b, body("SELF", "ru")).then().statusCode(201)
                .body("number", equalTo("S-001"))
                .body("categoryName", equalTo("Сектор самообслуживания"));
        as(citizen("anyone")).get("/api/v1/categories").then().statusCode(200)
                .body("find { it.code == 'SELF' }.kind", equalTo("SELF_SERVICE"))
                .body("kind", hasItem("REMOTE_VIDEO"));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() throws Exception {
        String b = branch("REGULAR", "INTAKE", "VIDEO");
        String me = citizen("bad");
        issue(me, "NO-SUCH", body("INTAKE", "ru")).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        issue(me, b, body("NOPE", "ru")).then().statusCode(404);
        issue(me, b, body("ISSUANCE", "ru")).then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/category-not-served"))
                .body("userMessage", equalTo("Этот филиал не оказывает выбранный вид услуг"));
        issue(me, b, body("INTAKE", "ru", "channel", "BOOKING")).then().statusCode(422);
        issue(me, b, body("VIDEO", "ru")).then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/channel-category-mismatch"));
        issue(me, b, body("INTAKE", "ru", "iin", "123456789012")).then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/invalid-iin"));
        issue(me, b, body("INTAKE", "en")).then().statusCode(422).body("errors.field", hasItem("language"));
        issue(me, b, Map.of("channel", "MOBILE")).then().statusCode(422).body("errors.field", hasItem("category"));
        as(me).body("{\"category\": ").post("/api/v1/branches/" + b + "/tickets").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(me).get("/api/v1/tickets/not-a-uuid").then().statusCode(404);
        as(me).get("/api/v1/tickets/" + java.util.UUID.randomUUID()).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM ticket WHERE branch_code = ?", b)).isZero();
        assertThat(count("SELECT count(*) FROM ticket_counter WHERE branch_code = ?", b)).isZero();
        issue(me, b, body("INTAKE", "ru")).then().statusCode(201).body("number", equalTo("A-001"));
    }

    @Test
    void onlyCitizensAndOperatorsTakeTickets() {
        String b = branch("REGULAR", "INTAKE");
        issue(Queue.supervisor(b), b, body("INTAKE", "ru")).then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(body("INTAKE", "ru"))
                .post("/api/v1/branches/" + b + "/tickets").then().statusCode(401);
        io.restassured.RestAssured.given().get("/api/v1/branches/" + b).then().statusCode(200)
                .body("categories", hasItem("INTAKE"));
    }

    long count(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
