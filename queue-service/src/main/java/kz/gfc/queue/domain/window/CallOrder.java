package kz.gfc.queue.domain.window;

import java.util.List;
import kz.gfc.queue.domain.booking.Booking;
import kz.gfc.queue.domain.ticket.PriorityReason;
import kz.gfc.queue.domain.ticket.TicketQueue;

/**
 * R12 (priority tickets, bookings) on R6's electronic queue: which waiting ticket a window
 * calls next.
 *
 * <ol>
 * <li>{@code BOOKING_DUE}: checked-in bookings whose slot has come, earliest slot first —
 * a booked visit is a promise of a time;</li>
 * <li>{@code PRIORITY}: priority tickets by {@link PriorityReason#weight()} plus 10 for every
 * {@code priority-aging-step} waited (so a light ground is not starved by heavier newcomers),
 * then by place in line;</li>
 * <li>{@code FIFO}: everyone else, first come first served.</li>
 * </ol>
 * Starvation bound: after {@code N} priority calls in a row at a window, the next call takes
 * an ordinary ticket if one waits ({@code STARVATION_BOUND}), so a steady stream of priority
 * visitors cannot stop the ordinary line. Booking calls neither count toward nor break a run,
 * and the run belongs to the window: signing out does not reset it.
 *
 * <p>An operator may also call a ticket by its number, out of order, with a reason
 * ({@code BY_NUMBER}): recorded like any other decision, it neither counts toward nor breaks
 * a run.
 *
 * <p>This class decides the order of the pools; {@link TicketQueue} takes the first ticket
 * of a pool with {@code FOR UPDATE SKIP LOCKED}, so two windows never get the same ticket.
 */
public final class CallOrder {

    /** The rule that chose a ticket; recorded with every call in {@code call_decision}. */
    public enum Rule { BOOKING_DUE, PRIORITY, FIFO, STARVATION_BOUND, BY_NUMBER }

    /** The waiting tickets a step draws from. */
    public enum Pool { BOOKING_DUE, PRIORITY, ORDINARY }

    public record Step(Pool pool, Rule rule) {
    }

    private static final List<Step> NORMAL = List.of(
            new Step(Pool.BOOKING_DUE, Rule.BOOKING_DUE),
            new Step(Pool.PRIORITY, Rule.PRIORITY),
            new Step(Pool.ORDINARY, Rule.FIFO));

    private static final List<Step> BOUND_REACHED = List.of(
            new Step(Pool.BOOKING_DUE, Rule.BOOKING_DUE),
            new Step(Pool.ORDINARY, Rule.STARVATION_BOUND),
            new Step(Pool.PRIORITY, Rule.PRIORITY));

    private CallOrder() {
    }

    /** The pools to try, in order, for a window that made {@code streak} priority calls in a row. */
    public static List<Step> plan(int streak, int bound) {
        return streak >= bound ? BOUND_REACHED : NORMAL;
    }

    /** The window's run of priority calls after a call chosen by {@code rule}. */
    public static int streakAfter(Rule rule, int streak) {
        return switch (rule) {
            case PRIORITY -> streak + 1;
            case FIFO, STARVATION_BOUND -> 0;
            case BOOKING_DUE, BY_NUMBER -> streak;
        };
    }
}
