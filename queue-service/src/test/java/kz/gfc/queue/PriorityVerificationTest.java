package kz.gfc.queue;

import static kz.gfc.queue.Queue.act;
import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.callNext;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.issue;
import static kz.gfc.queue.Queue.operator;
import static kz.gfc.queue.Queue.signIn;
import static kz.gfc.queue.Queue.walkIn;
import static kz.gfc.queue.Queue.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R12: a priority ground weighs in the call order only once verified; staff verify or withdraw it at the window. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PriorityVerificationTest extends PinnedClock {

    /** In the local registry file (src/main/resources/registry) with a disability ground. */
    private static final String REGISTERED_DISABILITY = "880715335021";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void tuesdayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-17T10:00"));
    }

    private static io.restassured.response.Response fromTheApp(String branch, String iin, String ground) {
        return issue(citizen("app-" + iin + "-" + System.nanoTime(), iin), branch,
                Map.of("category", "INTAKE", "channel", "MOBILE", "language", "ru", "priorityReason", ground));
    }

    private static String bornOn(LocalDate birth) {
        for (int serial = 1234;; serial++) {
            String iin = SyntheticIins.forDate(birth, false, serial);
            if (iin != null) {
                return iin;
            }
        }
    }

    @Test
    void R12_aGroundTheRegistryOrTheIinConfirmsIsVerifiedAtOnceAndOthersWaitAsOrdinary() {
        String b = branch("REGULAR", "INTAKE");
        fromTheApp(b, REGISTERED_DISABILITY, "DISABILITY").then().statusCode(201)
                .body("priorityStatus", equalTo("VERIFIED"));
        fromTheApp(b, SyntheticIins.random().value(), "DISABILITY").then().statusCode(201)
                .body("priorityStatus", equalTo("CLAIMED"));
        String born1950 = bornOn(LocalDate.of(1950, 3, 2));
        fromTheApp(b, born1950, "ELDERLY").then().statusCode(201).body("priorityStatus", equalTo("VERIFIED"));
        String born1990 = bornOn(LocalDate.of(1990, 3, 2));
        fromTheApp(b, born1990, "ELDERLY").then().statusCode(201).body("priorityStatus", equalTo("CLAIMED"));
        // a kiosk or an operator sees the visitor: what they issue is verified
        Queue.priority(b, "INTAKE", "PREGNANCY").then().body("priorityStatus", equalTo("VERIFIED"));
    }

    @Test
    void R12_aPlaceInLineCountsEveryoneEarlierAndTheVerifiedGroundsThatCameLater() {
        String b = branch("REGULAR", "INTAKE");
        String first = walkIn(b, "INTAKE").jsonPath().getString("id");
        String second = walkIn(b, "INTAKE").jsonPath().getString("id");
        String claimed = fromTheApp(b, SyntheticIins.random().value(), "PREGNANCY")             // A-003, not verified
                .then().statusCode(201).body("position", equalTo(3)).extract().path("id");
        String veteran = Queue.priority(b, "INTAKE", "VETERAN").jsonPath().getString("id");      // A-004, verified

        String staff = operator("op-place-" + System.nanoTime(), b);
        // the verified ground, issued last, goes ahead of every ordinary ticket; the claimed one does not
        as(staff).get("/api/v1/tickets/" + veteran).then().statusCode(200).body("position", equalTo(1));
        as(staff).get("/api/v1/tickets/" + first).then().statusCode(200).body("position", equalTo(2));
        as(staff).get("/api/v1/tickets/" + second).then().statusCode(200).body("position", equalTo(3));
        as(staff).get("/api/v1/tickets/" + claimed).then().statusCode(200).body("position", equalTo(4));

        // once the veteran is called, everyone moves up
        long w = window(b, 1, "INTAKE");
        signIn(w, staff, "Оператор");
        callNext(staff, w).then().statusCode(200).body("ticket.id", equalTo(veteran));
        as(staff).get("/api/v1/tickets/" + first).then().statusCode(200).body("position", equalTo(1));
        as(staff).get("/api/v1/tickets/" + claimed).then().statusCode(200).body("position", equalTo(3));
    }

    @Test
    void R12_aClaimedGroundCountsOnlyOnceStaffVerifyItAndStaffMayWithdrawOne() throws Exception {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 1, "INTAKE");
        String op = operator("op-prio-" + System.nanoTime(), b);
        signIn(w, op, "Оператор");
        walkIn(b, "INTAKE");                                                          // A-001 ordinary
        String claimed = fromTheApp(b, SyntheticIins.random().value(), "PREGNANCY")   // A-002 claimed
                .then().statusCode(201).body("priorityStatus", equalTo("CLAIMED")).extract().path("id");
        walkIn(b, "INTAKE");                                                          // A-003 ordinary
        String verified = fromTheApp(b, REGISTERED_DISABILITY, "DISABILITY")          // A-004 verified
                .then().statusCode(201).extract().path("id");

        // the verified ground goes first; the claimed one waits in the ordinary line
        String first = callNext(op, w).then().statusCode(200).body("ticket.number", equalTo("A-004"))
                .body("rule", equalTo("PRIORITY")).extract().path("ticket.id");
        act(op, first, "start");
        act(op, first, "complete");

        as(operator("elsewhere", branch("REGULAR", "INTAKE"))).body(Map.of("decision", "VERIFY"))
                .post("/api/v1/tickets/" + claimed + "/priority").then().statusCode(403);
        as(citizen("self")).body(Map.of("decision", "VERIFY")).post("/api/v1/tickets/" + claimed + "/priority")
                .then().statusCode(403);
        as(op).body(Map.of("decision", "VERIFY", "note", "обменная карта предъявлена"))
                .post("/api/v1/tickets/" + claimed + "/priority").then().statusCode(200)
                .body("priorityStatus", equalTo("VERIFIED")).body("position", equalTo(1));
        callNext(op, w).then().statusCode(200).body("ticket.id", equalTo(claimed)).body("rule", equalTo("PRIORITY"));
        act(op, claimed, "start");
        act(op, claimed, "complete");

        String later = Queue.priority(b, "INTAKE", "VETERAN").jsonPath().getString("id");   // A-005, verified by the kiosk
        as(op).body(Map.of("decision", "WITHDRAW", "note", "удостоверение не предъявлено"))
                .post("/api/v1/tickets/" + later + "/priority").then().statusCode(200)
                .body("priorityStatus", equalTo("WITHDRAWN"));
        callNext(op, w).then().statusCode(200).body("ticket.number", equalTo("A-001")).body("rule", equalTo("FIFO"));
        as(op).body(Map.of("decision", "VERIFY")).post("/api/v1/tickets/" + first + "/priority").then().statusCode(409);

        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT priority_decided_by, priority_note, priority_weight FROM ticket WHERE id = CAST(? AS uuid)")) {
            ps.setString(1, later);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                assertThat(r.getString(1)).startsWith("op-prio-");
                assertThat(r.getString(2)).isEqualTo("удостоверение не предъявлено");
                assertThat(r.getInt(3)).isZero();
            }
        }
        as(op).body(Map.of("decision", "MAYBE")).post("/api/v1/tickets/" + later + "/priority").then().statusCode(422);
    }
}
