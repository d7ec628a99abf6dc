package kz.gfc.issuance;

import static kz.gfc.issuance.domain.RetentionClass.IDENTITY_DOCUMENT;
import static kz.gfc.issuance.domain.RetentionClass.SOCIAL_EXEMPT;
import static kz.gfc.issuance.domain.RetentionClass.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import kz.gfc.issuance.domain.RetentionPolicy;

/** The rule alone, at and around each deadline. */
class R20RetentionPolicyTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void R20_standardIsKeptOneCalendarMonthThroughItsLastDay() {
        assertThat(RetentionPolicy.keptUntil(STANDARD, d("2026-03-15"))).contains(d("2026-04-15"));
        assertThat(RetentionPolicy.dueForReturn(STANDARD, d("2026-03-15"), d("2026-04-14"))).isFalse();
        assertThat(RetentionPolicy.dueForReturn(STANDARD, d("2026-03-15"), d("2026-04-15"))).isFalse();
        assertThat(RetentionPolicy.dueForReturn(STANDARD, d("2026-03-15"), d("2026-04-16"))).isTrue();
    }

    @Test
    void R20_monthEndsFallOnTheLastDayOfAShorterMonth() {
        assertThat(RetentionPolicy.keptUntil(STANDARD, d("2026-01-31"))).contains(d("2026-02-28"));
        assertThat(RetentionPolicy.keptUntil(STANDARD, d("2026-01-28"))).contains(d("2026-02-28"));
        assertThat(RetentionPolicy.keptUntil(STANDARD, d("2026-03-31"))).contains(d("2026-04-30"));
        assertThat(RetentionPolicy.keptUntil(STANDARD, d("2026-12-31"))).contains(d("2027-01-31"));
        assertThat(RetentionPolicy.dueForReturn(STANDARD, d("2026-01-31"), d("2026-02-28"))).isFalse();
        assertThat(RetentionPolicy.dueForReturn(STANDARD, d("2026-01-31"), d("2026-03-01"))).isTrue();
    }

    @Test
    void R20_inALeapYear31JanuaryIsKeptTo29February() {
        assertThat(RetentionPolicy.keptUntil(STANDARD, d("2028-01-31"))).contains(d("2028-02-29"));
        assertThat(RetentionPolicy.dueForReturn(STANDARD, d("2028-01-31"), d("2028-02-29"))).isFalse();
        assertThat(RetentionPolicy.dueForReturn(STANDARD, d("2028-01-31"), d("2028-03-01"))).isTrue();
    }

    @Test
    void R20_passportsAndIdCardsAreKeptOneYear() {
        assertThat(RetentionPolicy.keptUntil(IDENTITY_DOCUMENT, d("2026-03-10"))).contains(d("2027-03-10"));
        assertThat(RetentionPolicy.dueForReturn(IDENTITY_DOCUMENT, d("2026-03-10"), d("2026-04-11"))).isFalse();
        assertThat(RetentionPolicy.dueForReturn(IDENTITY_DOCUMENT, d("2026-03-10"), d("2027-03-10"))).isFalse();
        assertThat(RetentionPolicy.dueForReturn(IDENTITY_DOCUMENT, d("2026-03-10"), d("2027-03-11"))).isTrue();
        // 29 February + 1 year: the last day of the next February
        assertThat(RetentionPolicy.keptUntil(IDENTITY_DOCUMENT, d("2028-02-29"))).contains(d("2029-02-28"));
    }

    @Test
    void R20_theJobsCutOffIsTheDayBeforeTheReturnDay() {
        LocalDate keptUntil = d("2026-02-28");
        assertThat(RetentionPolicy.returnedFrom(keptUntil)).isEqualTo(d("2026-03-01"));
        assertThat(RetentionPolicy.lastKeptDayDueOn(d("2026-03-01"))).isEqualTo(keptUntil);
    }

    @Test
    void R20_socialPaymentDecisionsAreNeverReturnedAutomatically() {
        assertThat(RetentionPolicy.keptUntil(SOCIAL_EXEMPT, d("2026-01-05"))).isEmpty();
        assertThat(RetentionPolicy.dueForReturn(SOCIAL_EXEMPT, d("2026-01-05"), d("2046-01-05"))).isFalse();
    }
}
