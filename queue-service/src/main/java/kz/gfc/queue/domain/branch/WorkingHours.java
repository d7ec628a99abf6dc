package kz.gfc.queue.domain.branch;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * R3: when a branch accepts applications and issues results.
 *
 * <ul>
 * <li>{@code REGULAR}: Monday–Friday 09:00–18:00 without a break;</li>
 * <li>{@code DUTY} (кезекші бөлім / дежурный отдел): Monday–Friday 09:00–20:00 and Saturday 09:00–13:00;</li>
 * <li>a holiday or day off in the calendar closes every branch; a transferred working day
 * (a weekend day made working) has the branch's weekday hours.</li>
 * </ul>
 * Times are the branch's local time; the closing minute is exclusive (at 18:00 a regular
 * branch no longer issues tickets). The calendar is data, passed in as a lookup.
 */
public final class WorkingHours {

    /** Local opening hours of one day, {@code closes} exclusive. */
    public record Interval(LocalTime opens, LocalTime closes) {

        public boolean contains(LocalTime t) {
            return !t.isBefore(opens) && t.isBefore(closes);
        }
    }

    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final Interval REGULAR_WEEKDAY = new Interval(OPENS, LocalTime.of(18, 0));
    static final Interval DUTY_WEEKDAY = new Interval(OPENS, LocalTime.of(20, 0));
    static final Interval DUTY_SATURDAY = new Interval(OPENS, LocalTime.of(13, 0));

    /** How far {@link #nextOpening} looks: past the longest run of days off (New Year, Nauryz). */
    private static final int SEARCH_DAYS = 40;

    private WorkingHours() {
    }

    /** The hours on a date, or empty when the branch is closed all day. {@code override} is the calendar's word, or null. */
    public static Optional<Interval> on(Branch.ScheduleKind kind, LocalDate date, CalendarDay.Kind override) {
        if (override == CalendarDay.Kind.HOLIDAY || override == CalendarDay.Kind.DAY_OFF) {
            return Optional.empty();
        }
        DayOfWeek dow = date.getDayOfWeek();
        boolean weekday = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
        if (weekday || override == CalendarDay.Kind.WORKING_DAY) {
            return Optional.of(kind == Branch.ScheduleKind.DUTY ? DUTY_WEEKDAY : REGULAR_WEEKDAY);
        }
        if (kind == Branch.ScheduleKind.DUTY && dow == DayOfWeek.SATURDAY) {
            return Optional.of(DUTY_SATURDAY);
        }
        return Optional.empty();
    }

    public static boolean isOpen(Branch.ScheduleKind kind, ZonedDateTime at, Function<LocalDate, CalendarDay.Kind> calendar) {
        LocalDate day = at.toLocalDate();
        return on(kind, day, calendar.apply(day)).map(i -> i.contains(at.toLocalTime())).orElse(false);
    }

    /** The first moment at or after {@code from} when the branch is open, in the same zone. */
    public static Optional<ZonedDateTime> nextOpening(Branch.ScheduleKind kind, ZonedDateTime from,
            Function<LocalDate, CalendarDay.Kind> calendar) {
        for (int i = 0; i <= SEARCH_DAYS; i++) {
            LocalDate day = from.toLocalDate().plusDays(i);
            Optional<Interval> hours = on(kind, day, calendar.apply(day));
            if (hours.isEmpty()) {
                continue;
            }
            ZonedDateTime opens = day.atTime(hours.get().opens()).atZone(from.getZone());
            ZonedDateTime closes = day.atTime(hours.get().closes()).atZone(from.getZone());
            if (!from.isBefore(closes)) {
                continue;
            }
            return Optional.of(from.isAfter(opens) ? from : opens);
        }
        return Optional.empty();
    }
}
