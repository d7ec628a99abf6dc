package kz.gfc.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How often a recipient may fetch under a consent (India's Account Aggregator "frequency"):
 * at most {@code fetch_limit} times per calendar day, month or year. The calendar is the one
 * of Almaty ({@code Asia/Almaty}), where the service centres and their citizens live: a day
 * starts at 00:00 Almaty time, a month on its 1st, a year on 1 January — not at UTC midnight,
 * which falls at five in the morning there.
 */
public enum FetchPeriod {
    DAY, MONTH, YEAR;

    public static final ZoneId CALENDAR = ZoneId.of("Asia/Almaty");

    /** When the period holding {@code now} began. */
    public Instant start(Instant now) {
        return startOf(now).toInstant();
    }

    /** When the period holding {@code now} ends and the next begins: the fetches counted start again. */
    public Instant end(Instant now) {
        ZonedDateTime start = startOf(now);
        ZonedDateTime next = switch (this) {
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
        return next.toInstant();
    }

    private ZonedDateTime startOf(Instant now) {
        LocalDate today = now.atZone(CALENDAR).toLocalDate();
        LocalDate first = switch (this) {
            case DAY -> today;
            case MONTH -> today.withDayOfMonth(1);
            case YEAR -> today.withDayOfYear(1);
        };
        return first.atStartOfDay(CALENDAR);
    }
}
