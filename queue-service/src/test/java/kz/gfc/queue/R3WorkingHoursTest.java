package kz.gfc.queue;

import static kz.gfc.queue.Queue.ADMIN;
import static kz.gfc.queue.Queue.as;
import static kz.gfc.queue.Queue.branch;
import static kz.gfc.queue.Queue.citizen;
import static kz.gfc.queue.Queue.issue;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import kz.gfc.kit.testing.RealInfrastructure;

/** R3 over HTTP: tickets are refused outside a branch's hours with when it opens next, in kk and ru. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R3WorkingHoursTest extends PinnedClock {

    private static final Map<String, Object> INTAKE = Map.of("category", "INTAKE", "channel", "MOBILE", "language", "ru");

    private ValidatableResponse take(String branch, String lang) {
        return as(citizen("c-" + System.nanoTime())).header("Accept-Language", lang).body(INTAKE)
                .post("/api/v1/branches/" + branch + "/tickets").then();
    }

    private ValidatableResponse take(String branch) {
        return take(branch, "ru");
    }

    @Test
    void R3_regularBranchRefusesOnSaturdayAndSaysWhenItOpensInKazakhAndRussian() {
        String b = branch("REGULAR", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-14T10:00")); // Saturday
        take(b).statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://gfc.kz/problems/branch-closed"))
                .body("opensAt", equalTo("2026-11-16T09:00+05:00"))
                .body("userMessage", allOf(containsString("16.11.2026"), containsString("понедельник"),
                        containsString("09:00")));
        take(b, "kk").statusCode(409)
                .body("userMessage", allOf(containsString("16.11.2026"), containsString("дүйсенбі"),
                        containsString("09:00")));
    }

    @Test
    void R3_dutyBranchServesOnSaturdayMorningOnly() {
        String duty = branch("DUTY", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-14T12:44"));
        take(duty).statusCode(201).body("number", equalTo("A-001"));
        clock.pinAlmaty(LocalDateTime.parse("2026-11-14T13:00"));
        take(duty).statusCode(409).body("userMessage", allOf(containsString("16.11.2026"), containsString("09:00")));
        clock.pinAlmaty(LocalDateTime.parse("2026-11-15T10:00")); // Sunday: closed for everyone
        take(duty).statusCode(409);
    }

    @Test
    void R3_dutyBranchWorksUntilEightOnWeekdaysWhileARegularOneClosesAtSix() {
        String duty = branch("DUTY", "INTAKE");
        String regular = branch("REGULAR", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-10T19:30")); // Tuesday
        take(duty).statusCode(201);
        take(regular).statusCode(409).body("userMessage", allOf(containsString("11.11.2026"), containsString("среда")));
        clock.pinAlmaty(LocalDateTime.parse("2026-11-10T20:00"));
        take(duty).statusCode(409);
    }

    @Test
    void R3_closingMinuteIsExclusive() {
        String regular = branch("REGULAR", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-10T08:59"));
        take(regular).statusCode(409).body("userMessage", containsString("10.11.2026"));
        clock.pinAlmaty(LocalDateTime.parse("2026-11-10T09:00"));
        take(regular).statusCode(201);
        clock.pinAlmaty(LocalDateTime.parse("2026-11-10T17:44"));
        take(regular).statusCode(201);
        // tickets stop 15 minutes before closing, so nobody takes one that cannot be served today
        clock.pinAlmaty(LocalDateTime.parse("2026-11-10T17:45"));
        take(regular).statusCode(409).body("type", equalTo("https://gfc.kz/problems/ticket-issue-stopped"))
                .body("userMessage", containsString("18:00")).body("opensAt", equalTo("2026-11-11T09:00+05:00"));
        clock.pinAlmaty(LocalDateTime.parse("2026-11-10T18:00"));
        take(regular).statusCode(409).body("type", equalTo("https://gfc.kz/problems/branch-closed"));
    }

    @Test
    void R3_holidayClosesEvenADutyBranchAndTheNextOpeningSkipsTheDaysOff() {
        String duty = branch("DUTY", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-03-23T11:00")); // Nauryz; 24 and 25 March are moved days off
        take(duty).statusCode(409).body("userMessage", allOf(containsString("26.03.2026"), containsString("четверг")));
        clock.pinAlmaty(LocalDateTime.parse("2026-01-07T11:00")); // Orthodox Christmas, a Wednesday
        take(duty, "kk").statusCode(409).body("userMessage", containsString("08.01.2026"));
    }

    @Test
    void R3_aHolidayOnASaturdayClosesADutyBranchThatOpensOnOrdinarySaturdays() {
        String duty = branch("DUTY", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-03-21T10:00")); // Nauryz, a Saturday
        take(duty).statusCode(409).body("opensAt", equalTo("2026-03-26T09:00+05:00"));
        clock.pinAlmaty(LocalDateTime.parse("2026-05-09T10:00")); // Victory Day, a Saturday
        take(duty).statusCode(409).body("opensAt", equalTo("2026-05-12T09:00+05:00"));
        clock.pinAlmaty(LocalDateTime.parse("2026-05-16T10:00")); // an ordinary Saturday
        take(duty).statusCode(201);
    }

    @Test
    void R3_transferredWorkingDayIsDataAndOpensARegularBranchOnASaturday() {
        String regular = branch("REGULAR", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-02-21T10:00")); // a Saturday
        take(regular).statusCode(409);
        as(ADMIN).body(Map.of("kind", "WORKING_DAY", "nameKk", "Ауыстырылған жұмыс күні", "nameRu", "Перенесённый рабочий день"))
                .put("/api/v1/holidays/2026-02-21").then().statusCode(200);
        try {
            take(regular).statusCode(201);
            clock.pinAlmaty(LocalDateTime.parse("2026-02-21T18:00"));
            take(regular).statusCode(409);
        } finally {
            as(ADMIN).delete("/api/v1/holidays/2026-02-21").then().statusCode(204);
        }
        clock.pinAlmaty(LocalDateTime.parse("2026-02-21T10:00"));
        take(regular).statusCode(409);
    }

    @Test
    void R3_hoursAreKeptInTheBranchesOwnTimeZone() {
        String almaty = branch("REGULAR", "INTAKE");
        // 12:44 UTC is 17:44 in Kazakhstan (UTC+5 everywhere since 1 March 2024), 13:00 UTC is 18:00
        clock.pin(Instant.parse("2026-11-10T12:44:00Z"));
        take(almaty).statusCode(201);
        clock.pin(Instant.parse("2026-11-10T13:00:00Z"));
        take(almaty).statusCode(409);
        // the zone is data: a branch declared in UTC+3 is still open at that instant (16:00 there)
        String code = "T-MSK-" + Long.toHexString(System.nanoTime()).substring(0, 6).toUpperCase();
        as(ADMIN).body(Map.of("code", code, "nameKk", "UTC+3", "nameRu", "UTC+3", "region", "—",
                "timeZone", "Europe/Moscow", "scheduleKind", "REGULAR", "categories", java.util.List.of("INTAKE")))
                .post("/api/v1/branches").then().statusCode(201);
        take(code).statusCode(201);
    }

    @Test
    void R3_theCalendarIsReadableByStaff() {
        as(Queue.operator("op-cal", "ALM-01")).get("/api/v1/holidays?year=2026").then().statusCode(200)
                .body("find { it.day == '2026-03-23' }.kind", equalTo("HOLIDAY"))
                .body("find { it.day == '2026-03-21' }.kind", equalTo("HOLIDAY"))
                .body("size()", equalTo(21));
    }

    @Test
    void R3_aTicketTakenOnTheWrongDayStoresNothing() {
        String regular = branch("REGULAR", "INTAKE");
        clock.pinAlmaty(LocalDateTime.parse("2026-11-14T10:00"));
        take(regular).statusCode(409);
        clock.pinAlmaty(LocalDateTime.parse("2026-11-16T09:30"));
        // numbering starts at 001: the refused attempt used no number
        issue(citizen("c-after"), regular, INTAKE).then().statusCode(201).body("number", equalTo("A-001"));
    }
}
