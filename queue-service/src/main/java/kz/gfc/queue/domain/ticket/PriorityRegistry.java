package kz.gfc.queue.domain.ticket;

import kz.gfc.kit.iin.Iin;

/**
 * The port to the state registry of persons with disabilities and social statuses (R12): does
 * it confirm this person's priority ground? Locally and in tests a data file stands in for it.
 */
public interface PriorityRegistry {

    boolean confirms(Iin iin, PriorityReason ground);
}
