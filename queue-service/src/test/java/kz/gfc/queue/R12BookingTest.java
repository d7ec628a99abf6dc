package kz.gfc.queue;

import static io.restassured.RestAssured.given;
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
import io.restassured.response.ValidatableResponse;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R12: slots within working hours, booking limits, the check-in window and the digital ticket it gives. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R12BookingTest extends PinnedClock {

    @Inject
    AgroalDataSource db;

    @Inject
    Pseudonymizer pseudonymizer;

    @BeforeEach
    void tuesdayMorning() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-10T10:00"));
    }

    static ValidatableResponse slots(String branch, String date, String category) {
        return given().get("/api/v1/branches/" + branch + "/slots?date=" + date + "&category=" + category).then();
    }

    static Response book(String token, String branch, String category, String slotStart, String iin) {
        Map<String, Object> body = new HashMap<>(Map.of("branch", branch, "category", category, "slotStart", slotStart,
                "language", "ru"));
        if (iin != null) {
            body.put("iin", iin);
        }
        return as(token).body(body).post("/api/v1/bookings");
    }

    @Test
    void R12_slotsLieWithinTheBranchesWorkingHoursAndArePublic() {
        String regular = branch("REGULAR", "INTAKE");
        String duty = branch("DUTY", "INTAKE");
        slots(regular, "2026-11-11", "INTAKE").statusCode(200)
                .body("size()", equalTo(18))
                .body("[0].startsAt", equalTo("2026-11-11T09:00:00+05:00"))
                .body("[17].endsAt", equalTo("2026-11-11T18:00:00+05:00"))
                .body("[0].free", equalTo(2));
        slots(duty, "2026-11-11", "INTAKE").statusCode(200).body("size()", equalTo(22));
        slots(duty, "2026-11-14", "INTAKE").statusCode(200).body("size()", equalTo(8))
                .body("[7].startsAt", equalTo("2026-11-14T12:30:00+05:00"));
        slots(regular, "2026-11-14", "INTAKE").statusCode(200).body("size()", equalTo(0));
        slots(regular, "2026-11-10", "INTAKE").statusCode(200).body("size()", equalTo(15)) // today after 10:00
                .body("[0].startsAt", equalTo("2026-11-10T10:30:00+05:00"));
        clock.pinAlmaty(LocalDateTime.parse("2026-03-20T10:00"));
        slots(duty, "2026-03-23", "INTAKE").statusCode(200).body("size()", equalTo(0)); // Nauryz
    }

    @Test
    void R12_badSlotQueriesAreProblems() {
        String b = branch("REGULAR", "INTAKE");
        slots(b, "2026-11-09", "INTAKE").statusCode(422).body("type", equalTo("https://gfc.kz/problems/date-in-past"));
        slots(b, "11.11.2026", "INTAKE").statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("date"));
        slots(b, "2027-06-01", "INTAKE").statusCode(422).body("type", equalTo("https://gfc.kz/problems/beyond-booking-horizon"));
        slots(b, "2026-11-11", "NOPE").statusCode(404);
        slots(b, "2026-11-11", "ISSUANCE").statusCode(422);
        slots("NO-SUCH", "2026-11-11", "INTAKE").statusCode(404);
    }

    @Test
    void R12_oneActiveBookingPerIinAndCategoryWithinTenDays() {
        String b = branch("REGULAR", "INTAKE", "CONSULT");
        String iin = SyntheticIins.random().value();
        String me = citizen("booker", iin);
        String first = book(me, b, "INTAKE", "2026-11-11T10:00:00+05:00", iin).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/bookings/"))
                .body("status", equalTo("ACTIVE")).extract().path("id");
        book(me, b, "INTAKE", "2026-11-19T10:00:00+05:00", iin).then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/booking-limit"))
                .body("userMessage", equalTo("На эту услугу можно записаться только один раз в 10 дней"));
        book(me, branch("REGULAR", "INTAKE"), "INTAKE", "2026-11-12T10:00:00+05:00", iin).then().statusCode(409);
        book(me, b, "CONSULT", "2026-11-12T10:00:00+05:00", iin).then().statusCode(201);
        book(me, b, "INTAKE", "2026-11-23T10:00:00+05:00", iin).then().statusCode(201); // 12 days later
        as(citizen("other")).delete("/api/v1/bookings/" + first).then().statusCode(404);
        as(me).delete("/api/v1/bookings/" + first).then().statusCode(200).body("status", equalTo("CANCELLED"));
        slots(b, "2026-11-11", "INTAKE").statusCode(200).body("find { it.startsAt == '2026-11-11T10:00:00+05:00' }.free", equalTo(2));
        book(me, b, "INTAKE", "2026-11-16T10:00:00+05:00", iin).then().statusCode(409); // 7 days before the 23rd
        book(me, b, "INTAKE", "2026-11-12T10:00:00+05:00", iin).then().statusCode(201); // 11 days before it
    }

    @Test
    void R12_aBookingInThePastOutsideHoursOrOffTheGridIsRefusedAndStoresNothing() {
        String b = branch("REGULAR", "INTAKE");
        String iin = SyntheticIins.random().value();
        String me = citizen("bad-booker", iin);
        book(me, b, "INTAKE", "2026-11-10T09:30:00+05:00", iin).then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/booking-in-past"));
        book(me, b, "INTAKE", "2026-11-14T10:00:00+05:00", iin).then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/branch-closed"))
                .body("userMessage", org.hamcrest.Matchers.containsString("16.11.2026"));
        book(me, b, "INTAKE", "2026-11-11T18:00:00+05:00", iin).then().statusCode(409);
        book(me, b, "INTAKE", "2026-11-11T10:15:00+05:00", iin).then().statusCode(422)
                .body("type", equalTo("https://gfc.kz/problems/not-a-slot"));
        book(me, b, "INTAKE", "tomorrow at ten", iin).then().statusCode(422).body("errors.field", hasItem("slotStart"));
        book(me, b, "INTAKE", "2026-11-11T10:00:00+05:00", "123").then().statusCode(422);
        book(me, b, "INTAKE", "2027-11-11T10:00:00+05:00", iin).then().statusCode(422);
        book(operator("op-books", b), b, "INTAKE", "2026-11-11T10:00:00+05:00", iin).then().statusCode(403);
        // 05:00 UTC is 10:00 in Almaty: the same slot, written in another offset
        book(me, b, "INTAKE", "2026-11-11T05:00:00Z", iin).then().statusCode(201);
        slots(b, "2026-11-11", "INTAKE").statusCode(200)
                .body("findAll { it.free < 2 }.size()", equalTo(1))
                .body("find { it.free < 2 }.startsAt", equalTo("2026-11-11T10:00:00+05:00"));
    }

    @Test
    void R12_checkInOpensFifteenMinutesBeforeTheSlotAndLateComersGetAnOrdinaryTicket() {
        String b = branch("REGULAR", "INTAKE");
        String me = citizen("punctual", SyntheticIins.random().value());
        String id = book(me, b, "INTAKE", "2026-11-11T10:00:00+05:00", null)
                .then().statusCode(201).extract().path("id");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T09:44"));
        as(me).post("/api/v1/bookings/" + id + "/check-in").then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/check-in-too-early"))
                .body("userMessage", equalTo("Подтвердить запись можно с 09:45"));
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T09:45"));
        as(citizen("someone-else")).post("/api/v1/bookings/" + id + "/check-in").then().statusCode(404);
        as(me).post("/api/v1/bookings/" + id + "/check-in").then().statusCode(200)
                .body("late", equalTo(false))
                .body("booking.status", equalTo("CHECKED_IN"))
                .body("ticket.channel", equalTo("BOOKING"))
                .body("ticket.number", equalTo("A-001"))
                .body("ticket.bookingId", equalTo(id));
        as(me).post("/api/v1/bookings/" + id + "/check-in").then().statusCode(409);

        String late = citizen("late", SyntheticIins.random().value());
        String lateId = book(late, b, "INTAKE", "2026-11-11T10:30:00+05:00", null)
                .then().statusCode(201).extract().path("id");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T10:40"));
        as(late).post("/api/v1/bookings/" + lateId + "/check-in").then().statusCode(200)
                .body("booking.status", equalTo("CHECKED_IN"));
        String later = citizen("later", SyntheticIins.random().value());
        String laterId = book(later, b, "INTAKE", "2026-11-11T11:00:00+05:00", null)
                .then().statusCode(201).extract().path("id");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T11:11"));
        as(later).post("/api/v1/bookings/" + laterId + "/check-in").then().statusCode(200)
                .body("late", equalTo(true))
                .body("booking.status", equalTo("LATE"))
                .body("ticket.channel", equalTo("MOBILE"))
                .body("ticket.bookingId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void R12_aCheckedInBookingIsCalledFirstOnceItsSlotHasCome() {
        String b = branch("REGULAR", "INTAKE");
        long w = window(b, 1, "INTAKE");
        String op = operator("op-booking-" + System.nanoTime(), b);
        signIn(w, op, "Серікова Жанар");
        String me = citizen("booked", SyntheticIins.random().value());
        String bookingId = book(me, b, "INTAKE", "2026-11-11T10:00:00+05:00", null)
                .then().statusCode(201).extract().path("id");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T09:30"));
        String walkIn1 = walkIn(b, "INTAKE").jsonPath().getString("id");
        String walkIn2 = walkIn(b, "INTAKE").jsonPath().getString("id");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T09:50"));
        String booked = as(me).post("/api/v1/bookings/" + bookingId + "/check-in").then().statusCode(200)
                .extract().path("ticket.id");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T09:55"));
        callNext(op, w).then().statusCode(200).body("ticket.id", equalTo(walkIn1)).body("rule", equalTo("FIFO"));
        act(op, walkIn1, "start");
        act(op, walkIn1, "complete");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-11T10:00"));
        callNext(op, w).then().statusCode(200).body("ticket.id", equalTo(booked)).body("rule", equalTo("BOOKING_DUE"));
        act(op, booked, "start");
        act(op, booked, "complete");
        callNext(op, w).then().statusCode(200).body("ticket.id", equalTo(walkIn2));
    }

    /**
     * A citizen acts only as themself: the IIN is their sign-in's; another IIN in the body, or a
     * sign-in without one, is refused and stores nothing; and one account cannot hoard seats.
     */
    @Test
    void R12_R23_aCitizenBooksOnlyUnderTheirOwnIinAndAnAccountHoldsAFewBookingsAtMost() throws Exception {
        String b = branch("REGULAR", "INTAKE", "CONSULT", "ISSUANCE", "SELF");
        String mine = SyntheticIins.random().value();
        String me = citizen("self-booker-" + System.nanoTime(), mine);

        book(me, b, "INTAKE", "2026-11-11T10:00:00+05:00", SyntheticIins.random().value()).then().statusCode(403)
                .body("type", equalTo("https://gfc.kz/problems/iin-not-yours"));
        book(citizen("no-iin-" + System.nanoTime()), b, "INTAKE", "2026-11-11T10:00:00+05:00", null).then().statusCode(403)
                .body("type", equalTo("https://gfc.kz/problems/no-iin-in-token"));
        assertThat(count("SELECT count(*) FROM booking WHERE branch_code = ?", b)).isZero();

        book(me, b, "INTAKE", "2026-11-11T10:00:00+05:00", null).then().statusCode(201);
        book(me, b, "CONSULT", "2026-11-11T10:00:00+05:00", mine).then().statusCode(201);
        book(me, b, "ISSUANCE", "2026-11-11T10:30:00+05:00", null).then().statusCode(201);
        book(me, b, "SELF", "2026-11-11T11:00:00+05:00", null).then().statusCode(409)
                .body("type", equalTo("https://gfc.kz/problems/booking-cap-reached"));
        assertThat(count("SELECT count(*) FROM booking WHERE branch_code = ? AND applicant_pseudonym = ?", b,
                pseudonymizer.pseudonym(Iin.of(mine)))).isEqualTo(3);
    }

    @Test
    void R23_queueKeepsNoIinAtRestOnlyItsPseudonym() throws Exception {
        try (Connection c = db.getConnection(); ResultSet r = c.getMetaData().getColumns(null, "queue", "%", "iin")) {
            assertThat(r.next()).as("no column named iin in the queue schema").isFalse();
        }
    }

    private long count(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
