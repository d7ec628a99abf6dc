package kz.gfc.queue.domain.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * The ticket's state machine. A move not listed here is refused with 409: a completed
 * ticket cannot be called, a waiting one cannot be completed, and so on.
 *
 * <pre>
 * WAITING ──call──▶ CALLED ──start──▶ IN_SERVICE ──complete──▶ COMPLETED
 *    ▲  │              │ ▲ recall          │
 *    │  └─cancel─▶ CANCELLED               │
 *    │                 ├──no-show──▶ NO_SHOW ──reinstate (within the window)──▶ WAITING
 *    └────transfer─────┴───────────────────┘   (and complete with a pending return)
 * WAITING / CALLED / IN_SERVICE ──the service day ended──▶ EXPIRED
 * </pre>
 */
public enum TicketStatus {
    WAITING, CALLED, IN_SERVICE, COMPLETED, NO_SHOW, CANCELLED,
    /** Still open when its service day ended (see TicketExpiry): neither served nor a no-show. */
    EXPIRED;

    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            WAITING, EnumSet.of(WAITING, CALLED, CANCELLED, EXPIRED),
            CALLED, EnumSet.of(CALLED, IN_SERVICE, NO_SHOW, WAITING, EXPIRED),
            IN_SERVICE, EnumSet.of(COMPLETED, WAITING, EXPIRED),
            NO_SHOW, EnumSet.of(WAITING),
            COMPLETED, EnumSet.noneOf(TicketStatus.class),
            CANCELLED, EnumSet.noneOf(TicketStatus.class),
            EXPIRED, EnumSet.noneOf(TicketStatus.class));

    public boolean canMoveTo(TicketStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean active() {
        return this == WAITING || this == CALLED || this == IN_SERVICE;
    }

    /** Returns {@code next}, or throws 409 when the move is not allowed. */
    public static TicketStatus requireMove(TicketStatus from, TicketStatus next) {
        if (!from.canMoveTo(next)) {
            throw ProblemException.conflict("illegal-ticket-transition",
                    "A ticket in status " + from + " cannot move to " + next,
                    Text.of("Талонның қазіргі күйінде бұл әрекет мүмкін емес",
                            "В текущем состоянии талона это действие невозможно"));
        }
        return next;
    }
}
