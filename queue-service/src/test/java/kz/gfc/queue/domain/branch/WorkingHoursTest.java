package kz.gfc.queue.domain.branch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** R3 as a pure rule: regular and duty hours, weekends, the calendar's holidays and transferred days. */
class WorkingHoursTest {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final Function<LocalDate, CalendarDay.Kind> NO_CALENDAR = d -> null;
    static final Function<LocalDate, CalendarDay.Kind> NAURYZ = Map.of(
            LocalDate.parse("2026-03-23"), CalendarDay.Kind.HOLIDAY,
            LocalDate.parse("2026-03-24"), CalendarDay.Kind.DAY_OFF,
            LocalDate.parse("2026-03-25"), CalendarDay.Kind.DAY_OFF,
            LocalDate.parse("2026-02-28"), CalendarDay.Kind.WORKING_DAY)::get;

    static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(ALMATY);
    }

    static boolean open(Branch.ScheduleKind kind, String local, Function<LocalDate, CalendarDay.Kind> calendar) {
        return WorkingHours.isOpen(kind, at(local), calendar);
    }

    @Test
    void R3_regularBranchWorksWeekdaysNineToSixWithoutABreak() {
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-11-10T08:59", NO_CALENDAR)).isFalse();
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-11-10T09:00", NO_CALENDAR)).isTrue();
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-11-10T13:30", NO_CALENDAR)).isTrue();
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-11-10T17:59", NO_CALENDAR)).isTrue();
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-11-10T18:00", NO_CALENDAR)).isFalse();
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-11-14T10:00", NO_CALENDAR)).isFalse();
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-11-15T10:00", NO_CALENDAR)).isFalse();
    }

    @Test
    void R3_dutyBranchWorksWeekdaysToEightAndSaturdayMorning() {
        assertThat(open(Branch.ScheduleKind.DUTY, "2026-11-10T19:59", NO_CALENDAR)).isTrue();
        assertThat(open(Branch.ScheduleKind.DUTY, "2026-11-10T20:00", NO_CALENDAR)).isFalse();
        assertThat(open(Branch.ScheduleKind.DUTY, "2026-11-14T09:00", NO_CALENDAR)).isTrue();
        assertThat(open(Branch.ScheduleKind.DUTY, "2026-11-14T12:59", NO_CALENDAR)).isTrue();
        assertThat(open(Branch.ScheduleKind.DUTY, "2026-11-14T13:00", NO_CALENDAR)).isFalse();
        assertThat(open(Branch.ScheduleKind.DUTY, "2026-11-15T10:00", NO_CALENDAR)).isFalse();
    }

    @Test
    void R3_holidaysAndDaysOffCloseEveryBranchAndATransferredWorkingDayOpensWithWeekdayHours() {
        assertThat(open(Branch.ScheduleKind.DUTY, "2026-03-23T10:00", NAURYZ)).isFalse();
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-03-24T10:00", NAURYZ)).isFalse();
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-02-28T17:00", NAURYZ)).isTrue();  // a Saturday made working
        assertThat(open(Branch.ScheduleKind.DUTY, "2026-02-28T19:00", NAURYZ)).isTrue();
        assertThat(open(Branch.ScheduleKind.REGULAR, "2026-02-28T18:00", NAURYZ)).isFalse();
    }

    @Test
    void R3_nextOpeningSkipsWeekendsAndTheWholeRunOfDaysOff() {
        assertThat(WorkingHours.nextOpening(Branch.ScheduleKind.REGULAR, at("2026-03-21T10:00"), NAURYZ))
                .contains(at("2026-03-26T09:00"));
        assertThat(WorkingHours.nextOpening(Branch.ScheduleKind.DUTY, at("2026-11-13T20:00"), NO_CALENDAR))
                .contains(at("2026-11-14T09:00"));
        assertThat(WorkingHours.nextOpening(Branch.ScheduleKind.REGULAR, at("2026-11-10T07:00"), NO_CALENDAR))
                .contains(at("2026-11-10T09:00"));
        assertThat(WorkingHours.nextOpening(Branch.ScheduleKind.REGULAR, at("2026-11-10T10:00"), NO_CALENDAR))
                .contains(at("2026-11-10T10:00"));
    }

    @Test
    void R3_kazakhstanIsUtcPlusFiveIn2026InThisJdksTimeZoneData() {
        // One zone, UTC+5, since 1 March 2024; Asia/Almaty was UTC+6 before. If a JDK's tzdata is
        // older than 2024a this fails, and branches must then carry "+05:00" as their zone.
        assertThat(ALMATY.getRules().getOffset(java.time.Instant.parse("2026-06-01T00:00:00Z")).getTotalSeconds())
                .isEqualTo(5 * 3600);
    }
}
