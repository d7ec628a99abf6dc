package kz.gfc.intake;

import static kz.gfc.intake.Intake.doc;
import static kz.gfc.intake.Intake.form;
import static kz.gfc.intake.Intake.operator;
import static kz.gfc.intake.Intake.payment;
import static kz.gfc.intake.Intake.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.intake.domain.application.CalendarDay;
import kz.gfc.intake.domain.application.ReadyDateCalculator;
import kz.gfc.intake.domain.catalogue.ServiceDefinition.Delivery;
import kz.gfc.intake.infra.HolidayMirror;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/** R25: the ready date in working days over the holiday calendar; paper delivery does not count the day of acceptance. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class R25ReadyDateTest {

    @Inject
    TestClock clock;

    @Inject
    HolidayMirror mirror;

    private final String branch = Intake.branch();

    @AfterEach
    void unpin() {
        clock.unpin();
    }

    /** Friday 20 March 2026, before Nauryz: 21-22 (weekend and holiday), 23 holiday, 24-25 moved days off. */
    @Test
    void R25_electronicDeliveryCountsTheDayOfAcceptanceAndSkipsNauryzAndTheWeekend() {
        clock.pinAlmaty(LocalDateTime.parse("2026-03-20T11:00"));
        // 5 working days: Fri 20 (1), Thu 26 (2), Fri 27 (3), Mon 30 (4), Tue 31 (5)
        submit(operator(branch), electronic()).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("delivery", equalTo("ELECTRONIC"))
                .body("readyDate", equalTo("2026-03-31"))
                .body("receipt.readyDate", equalTo("2026-03-31"));
    }

    @Test
    void R25_paperDeliveryDoesNotCountTheDayOfAcceptance() {
        clock.pinAlmaty(LocalDateTime.parse("2026-03-20T11:00"));
        // 5 working days from the day after: Thu 26, Fri 27, Mon 30, Tue 31, Wed 1 April
        submit(operator(branch), paper()).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"))
                .body("delivery", equalTo("PAPER"))
                .body("readyDate", equalTo("2026-04-01"));
    }

    @Test
    void R25_anOrdinaryWeekendIsSkippedForBothDeliveries() {
        clock.pinAlmaty(LocalDateTime.parse("2026-11-26T16:30"));
        // Thu 26 (1), Fri 27 (2), Mon 30 (3), Tue 1 (4), Wed 2 (5)
        submit(operator(branch), electronic()).then().statusCode(201).body("readyDate", equalTo("2026-12-02"));
        // Fri 27 (1), Mon 30 (2), Tue 1 (3), Wed 2 (4), Thu 3 (5)
        submit(operator(branch), paper()).then().statusCode(201).body("readyDate", equalTo("2026-12-03"));
    }

    @Test
    void R25_aServiceDoneWhileTheApplicantWaitsIsReadyTheSameDay() {
        clock.pinAlmaty(LocalDateTime.parse("2026-03-20T11:00"));
        submit(operator(branch), form("CRIMINAL_RECORD", branch, SyntheticIins.random().value())).then().statusCode(201)
                .body("readyDate", equalTo("2026-03-20"));
    }

    @Test
    void R25_aMovedWorkingDayCounts() {
        Map<LocalDate, CalendarDay.Kind> calendar = Map.of(LocalDate.parse("2027-01-09"), CalendarDay.Kind.WORKING_DAY,
                LocalDate.parse("2027-01-08"), CalendarDay.Kind.DAY_OFF);
        // Thu 7 (1), Fri 8 off, Sat 9 working (2), Mon 11 (3)
        assertThat(ReadyDateCalculator.readyDate(LocalDate.parse("2027-01-07"), 3, Delivery.ELECTRONIC, calendar))
                .isEqualTo(LocalDate.parse("2027-01-11"));
        assertThat(ReadyDateCalculator.readyDate(LocalDate.parse("2027-01-07"), 3, Delivery.PAPER, calendar))
                .isEqualTo(LocalDate.parse("2027-01-12"));
    }

    @Test
    void R25_theCalendarIsCopiedFromQueueServiceAndUsedForReadyDates() {
        clock.pinAlmaty(LocalDateTime.parse("2026-12-31T10:00"));
        // without 2027 in intake's copy: Thu 31 (1), Fri 1 (2), Mon 4 (3), Tue 5 (4), Wed 6 (5)
        submit(operator(branch), electronic()).then().statusCode(201).body("readyDate", equalTo("2027-01-06"));

        TestFakes.HOLIDAYS.put(2027, List.of(
                Map.of("day", "2027-01-01", "kind", "HOLIDAY", "nameKk", "Жаңа жыл", "nameRu", "Новый год"),
                Map.of("day", "2027-01-02", "kind", "HOLIDAY", "nameKk", "Жаңа жыл", "nameRu", "Новый год"),
                Map.of("day", "2027-01-04", "kind", "DAY_OFF", "nameKk", "Жаңа жыл", "nameRu", "Новый год (перенос)"),
                Map.of("day", "2027-01-07", "kind", "HOLIDAY", "nameKk", "Рождество", "nameRu", "Рождество")));
        // the fake answers only a call with a bearer token: a copy proves the client-credentials filter works
        assertThat(mirror.sync(2027)).isEqualTo(4);
        // Thu 31 (1), Tue 5 (2), Wed 6 (3), Fri 8 (4), Mon 11 (5)
        submit(operator(branch), electronic()).then().statusCode(201).body("readyDate", equalTo("2027-01-11"));

        // a year queue has nothing for leaves intake's copy as it was
        assertThat(mirror.sync(2031)).isZero();
        assertThat(CalendarDaysIn.year(2026)).isGreaterThanOrEqualTo(21);
    }

    private Map<String, Object> electronic() {
        Map<String, Object> body = form("BIRTH_CERTIFICATE_REPEAT", branch, SyntheticIins.random().value());
        body.put("documents", List.of(doc("IDENTITY_CARD", "ORIGINAL")));
        return body;
    }

    private Map<String, Object> paper() {
        Map<String, Object> body = form("DRIVING_LICENCE_REPLACEMENT", branch, SyntheticIins.random().value());
        body.put("documents", List.of(doc("IDENTITY_CARD", "ORIGINAL"), doc("DRIVING_LICENCE", "ORIGINAL")));
        // 1.25 МРП × 4,325 ₸ = 5,406.25 → 5,406 ₸
        body.put("payment", payment("5406", "KZT", "PAY-DL"));
        return body;
    }

    static final class CalendarDaysIn {
        static long year(int y) {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> CalendarDay.count("day >= ?1 and day < ?2",
                    LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1)));
        }
    }
}
