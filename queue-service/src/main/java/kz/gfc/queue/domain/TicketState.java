package kz.gfc.queue.domain;

/**
 * A ticket with what its holder is shown: the branch and category (for names in the ticket's
 * language), the place in line and wait band while waiting, the window while called.
 */
public record TicketState(Ticket ticket, Branch branch, ServiceCategory category, Integer position,
        WaitEstimate estimate, ServiceWindow window, int postponesLeft) {
}
