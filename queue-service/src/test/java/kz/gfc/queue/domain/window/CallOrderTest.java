package kz.gfc.queue.domain.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** R12: bookings whose slot has come, then priority by weight, then first come first served, with a starvation bound. */
class CallOrderTest {

    @Test
    void R12_dueBookingsFirstThenPriorityThenEveryoneElse() {
        assertThat(CallOrder.plan(0, 3)).extracting(CallOrder.Step::rule)
                .containsExactly(CallOrder.Rule.BOOKING_DUE, CallOrder.Rule.PRIORITY, CallOrder.Rule.FIFO);
    }

    @Test
    void R12_afterNPriorityCallsInARowAnOrdinaryTicketComesFirst() {
        assertThat(CallOrder.plan(2, 3)).extracting(CallOrder.Step::pool)
                .containsExactly(CallOrder.Pool.BOOKING_DUE, CallOrder.Pool.PRIORITY, CallOrder.Pool.ORDINARY);
        assertThat(CallOrder.plan(3, 3)).extracting(CallOrder.Step::rule)
                .containsExactly(CallOrder.Rule.BOOKING_DUE, CallOrder.Rule.STARVATION_BOUND, CallOrder.Rule.PRIORITY);
    }

    @Test
    void R12_theRunCountsPriorityCallsAndOrdinaryCallsEndIt() {
        assertThat(CallOrder.streakAfter(CallOrder.Rule.PRIORITY, 2)).isEqualTo(3);
        assertThat(CallOrder.streakAfter(CallOrder.Rule.FIFO, 2)).isZero();
        assertThat(CallOrder.streakAfter(CallOrder.Rule.STARVATION_BOUND, 3)).isZero();
        assertThat(CallOrder.streakAfter(CallOrder.Rule.BOOKING_DUE, 2)).isEqualTo(2);
    }
}
