package kz.gfc.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WaitEstimateTest {

    @Test
    void theBandContainsTheExpectedWaitAndIsRoundedToFiveMinutes() {
        WaitEstimate e = WaitEstimate.of(4, 2, 10, WaitEstimate.Basis.HISTORY); // 4 ahead, 2 windows, 10 min: 20 min
        assertThat(e.fromMinutes()).isLessThanOrEqualTo(20).isEqualTo(10);
        assertThat(e.toMinutes()).isGreaterThanOrEqualTo(20).isEqualTo(35);
        assertThat(e.fromMinutes() % 5).isZero();
        assertThat(e.toMinutes() % 5).isZero();
        assertThat(e.basis()).isEqualTo(WaitEstimate.Basis.HISTORY);
    }

    @Test
    void nobodyAheadIsAShortBandNotZero() {
        WaitEstimate e = WaitEstimate.of(0, 0, 15, WaitEstimate.Basis.NORM);
        assertThat(e.fromMinutes()).isZero();
        assertThat(e.toMinutes()).isEqualTo(15);
    }

    @Test
    void moreWindowsMeanAShorterWait() {
        assertThat(WaitEstimate.of(10, 4, 12, WaitEstimate.Basis.NORM).toMinutes())
                .isLessThan(WaitEstimate.of(10, 1, 12, WaitEstimate.Basis.NORM).toMinutes());
    }

    @Test
    void absurdInputIsRefused() {
        assertThatThrownBy(() -> WaitEstimate.of(-1, 1, 10, WaitEstimate.Basis.NORM)).isInstanceOf(IllegalArgumentException.class);
    }
}
