package kz.gfc.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** R8: a fetch period is a calendar day, month or year of Almaty (UTC+5), not of UTC. */
class FetchPeriodTest {

    @Test
    void R8_aDayStartsAtMidnightInAlmaty() {
        // 2026-03-10 04:30 UTC is 09:30 in Almaty; 2026-03-10 19:30 UTC is already the 11th there
        assertThat(FetchPeriod.DAY.start(Instant.parse("2026-03-10T04:30:00Z"))).isEqualTo(Instant.parse("2026-03-09T19:00:00Z"));
        assertThat(FetchPeriod.DAY.end(Instant.parse("2026-03-10T04:30:00Z"))).isEqualTo(Instant.parse("2026-03-10T19:00:00Z"));
        assertThat(FetchPeriod.DAY.start(Instant.parse("2026-03-10T19:30:00Z"))).isEqualTo(Instant.parse("2026-03-10T19:00:00Z"));
    }

    @Test
    void R8_aMonthAndAYearStartOnTheirFirstDayInAlmaty() {
        // 2026-02-28 20:00 UTC is 1 March 01:00 in Almaty
        assertThat(FetchPeriod.MONTH.start(Instant.parse("2026-02-28T20:00:00Z"))).isEqualTo(Instant.parse("2026-02-28T19:00:00Z"));
        assertThat(FetchPeriod.MONTH.end(Instant.parse("2026-02-28T20:00:00Z"))).isEqualTo(Instant.parse("2026-03-31T19:00:00Z"));
        assertThat(FetchPeriod.MONTH.start(Instant.parse("2026-02-28T18:00:00Z"))).isEqualTo(Instant.parse("2026-01-31T19:00:00Z"));
        // 2026-12-31 19:00 UTC is 1 January 2027 00:00 in Almaty
        assertThat(FetchPeriod.YEAR.start(Instant.parse("2026-12-31T19:00:00Z"))).isEqualTo(Instant.parse("2026-12-31T19:00:00Z"));
        assertThat(FetchPeriod.YEAR.start(Instant.parse("2026-12-31T18:59:59Z"))).isEqualTo(Instant.parse("2025-12-31T19:00:00Z"));
        assertThat(FetchPeriod.YEAR.end(Instant.parse("2026-06-01T00:00:00Z"))).isEqualTo(Instant.parse("2026-12-31T19:00:00Z"));
    }
}
