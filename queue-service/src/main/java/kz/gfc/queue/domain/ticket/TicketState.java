package kz.gfc.queue.domain.ticket;

import kz.gfc.queue.domain.branch.BranchReference;
import kz.gfc.queue.domain.branch.CategoryReference;
import kz.gfc.queue.domain.window.ServiceWindow;

/**
 * A ticket with what its holder is shown: the branch and category (for names in the ticket's
 * language), the place in line and wait band while waiting, the window while called.
 */
public record TicketState(Ticket ticket, BranchReference branch, CategoryReference category, Integer position,
        WaitEstimate estimate, ServiceWindow window, int postponesLeft) {
}
