package kz.gfc.queue.domain.ticket;

import java.time.LocalDate;
import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;

import kz.gfc.kit.iin.Iin;
import kz.gfc.queue.domain.QueueConfig;

/**
 * Decides whether a priority ground given at ticket issue is verified at once (R12): staff who
 * issue a ticket see the visitor; an age ground is read from the IIN's birth date; disability and
 * veteran grounds are asked of the registry. Anything else is claimed until staff verify it.
 */
@ApplicationScoped
public class PriorityCheck {

    private final PriorityRegistry registry;
    private final QueueConfig config;

    PriorityCheck(PriorityRegistry registry, QueueConfig config) {
        this.registry = registry;
        this.config = config;
    }

    public PriorityStatus atIssue(PriorityReason ground, Iin iin, boolean byStaff, LocalDate today) {
        if (ground == null) {
            return null;
        }
        if (byStaff) {
            return PriorityStatus.VERIFIED;
        }
        if (iin == null) {
            return PriorityStatus.CLAIMED;
        }
        if (ground == PriorityReason.ELDERLY) {
            return Period.between(iin.birthDate(), today).getYears() >= config.elderlyFromAge()
                    ? PriorityStatus.VERIFIED : PriorityStatus.CLAIMED;
        }
        return registry.confirms(iin, ground) ? PriorityStatus.VERIFIED : PriorityStatus.CLAIMED;
    }
}
