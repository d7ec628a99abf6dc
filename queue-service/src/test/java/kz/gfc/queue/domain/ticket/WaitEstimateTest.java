package kz.gfc.queue.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WaitEstimateTest {

    @Test
    void theBandContainsTheExpectedWaitAndIsRoundedToFiveMinutes() {
        // 4 ahead, 2 windows, 10 min a visit: called about the 5th time a window frees, 22.5 min;
        // a gap's spread 10/2 = 5, over 5 gaps: ±11.2 → 11.3–33.7, rounded outward
        WaitEstimate e = WaitEstimate.of(4, 2, 0, 10, 4, WaitEstimate.Basis.HISTORY);
        assertThat(e.fromMinutes()).isEqualTo(10);
        assertThat(e.toMinutes()).isEqualTo(35);
        assertThat(e.fromMinutes() % 5).isZero();
        assertThat(e.toMinutes() % 5).isZero();
        assertThat(e.basis()).isEqualTo(WaitEstimate.Basis.HISTORY);
    }

    @Test
    void nobodyAheadIsAShortBandNotZero() {
        WaitEstimate e = WaitEstimate.of(0, 0, 15, WaitEstimate.Basis.NORM);
        assertThat(e.fromMinutes()).isZero();
        assertThat(e.toMinutes()).isEqualTo(25); // 7.5 + 15, rounded up

    }

    @Test
    void aFreeWindowMeansAlmostNoWaitAndBusyOnesAWaitForOneToFreeUp() {
        assertThat(WaitEstimate.of(1, 3, 2, 12, 6, WaitEstimate.Basis.HISTORY)).isEqualTo(new WaitEstimate(0, 5, WaitEstimate.Basis.HISTORY));
        assertThat(WaitEstimate.of(2, 3, 2, 12, 6, WaitEstimate.Basis.HISTORY).toMinutes())
                .isLessThan(WaitEstimate.of(2, 3, 0, 12, 6, WaitEstimate.Basis.HISTORY).toMinutes());
    }

    @Test
    void moreWindowsMeanAShorterWait() {
        assertThat(WaitEstimate.of(10, 4, 12, WaitEstimate.Basis.NORM).toMinutes())
                .isLessThan(WaitEstimate.of(10, 1, 12, WaitEstimate.Basis.NORM).toMinutes());
    }

    @Test
    void absurdInputIsRefused() {
        assertThatThrownBy(() -> WaitEstimate.of(-1, 1, 10, WaitEstimate.Basis.NORM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaitEstimate.of(1, 1, 0, 10, -1, WaitEstimate.Basis.NORM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsAverageTheFirstVisitsThenFollowRecentOnes() {
        ServiceTimeStats s = ServiceTimeStats.NONE.with(10, 0.05).with(20, 0.05);
        assertThat(s.samples()).isEqualTo(2);
        assertThat(s.meanMinutes()).isEqualTo(15.0);
        assertThat(s.sdMinutes()).isEqualTo(5.0);
        for (int i = 0; i < 200; i++) {
            s = s.with(30, 0.05);
        }
        assertThat(s.meanMinutes()).as("a branch that slowed down is followed").isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(s.with(-1, 0.05)).as("a negative duration is ignored").isEqualTo(s);
    }
}
