package kz.gfc.issuance.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * R20, all of it: how long an unclaimed result waits at the issuance desk before it goes back
 * to the provider.
 * <ul>
 * <li>{@code STANDARD}: one calendar month from the day it reached the desk;</li>
 * <li>{@code IDENTITY_DOCUMENT} (passports, ID cards): one year;</li>
 * <li>{@code SOCIAL_EXEMPT} (pensions, benefits, one-time and other payments, state benefits
 * for children under 18, targeted social assistance): never returned automatically.</li>
 * </ul>
 * Months are calendar months, ending on the same day of the month or, where that month is
 * shorter, on its last day (31 January → 28 February, 29 in a leap year; 29 February + 1 year
 * → 28 February). The applicant may still collect on that last day; the package goes back from
 * the next day. Days are Kazakhstan's (UTC+5).
 */
public final class RetentionPolicy {

    private RetentionPolicy() {
    }

    /** The last day the package is kept, or empty when it is never returned as unclaimed. */
    public static Optional<LocalDate> keptUntil(RetentionClass retention, LocalDate reachedDesk) {
        return switch (retention) {
            case STANDARD -> Optional.of(reachedDesk.plusMonths(1));
            case IDENTITY_DOCUMENT -> Optional.of(reachedDesk.plusYears(1));
            case SOCIAL_EXEMPT -> Optional.empty();
        };
    }

    /** The first day a package kept until {@code keptUntil} goes back: the day after its last day. */
    public static LocalDate returnedFrom(LocalDate keptUntil) {
        return keptUntil.plusDays(1);
    }

    /** On {@code today}, the packages kept until this day or before are due (the inverse of {@link #returnedFrom}). */
    public static LocalDate lastKeptDayDueOn(LocalDate today) {
        return today.minusDays(1);
    }

    /** Whether a package that reached the desk on {@code reachedDesk} goes back on {@code today}. */
    public static boolean dueForReturn(RetentionClass retention, LocalDate reachedDesk, LocalDate today) {
        return keptUntil(retention, reachedDesk).map(k -> !today.isBefore(returnedFrom(k))).orElse(false);
    }
}
