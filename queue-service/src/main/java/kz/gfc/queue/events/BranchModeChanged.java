package kz.gfc.queue.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;

/** R6: a branch switched between the electronic queue and the ordinary (live) queue. */
public record BranchModeChanged(String branchCode, String mode, String previousMode, String changedBy,
        Instant changedAt) implements DomainEvent {

    public static final String TYPE = "kz.gfc.branch.mode-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return branchCode;
    }
}
