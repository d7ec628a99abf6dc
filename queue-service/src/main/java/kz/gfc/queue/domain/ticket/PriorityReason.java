package kz.gfc.queue.domain.ticket;

import kz.gfc.queue.domain.window.CallOrder;

/**
 * R12: grounds for a priority ticket (barrier-free access). The weight orders priority
 * tickets among themselves in {@link CallOrder}; the operator checks the ground at the window.
 */
public enum PriorityReason {
    /** People with disabilities come first: R12 names them explicitly. */
    DISABILITY(30),
    VETERAN(30),
    PREGNANCY(20),
    WITH_INFANT(20),
    ELDERLY(10);

    private final int weight;

    PriorityReason(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
