package kz.gfc.queue.domain.branch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.queue.events.BranchModeChanged;

@ApplicationScoped
public class BranchService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Branch> all() {
        return Branch.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Branch get(String code) {
        Branch b = Branch.findById(code);
        if (b == null) {
            throw ProblemException.notFound("branch", code);
        }
        return b;
    }

    /** R6: switch to the live queue on a technical failure, and back; the change is announced once. */
    @Transactional
    public Branch changeMode(String code, Branch.Mode mode, String actor) {
        Branch b = get(code);
        if (b.mode == mode) {
            return b;
        }
        Branch.Mode previous = b.mode;
        b.mode = mode;
        outbox.publish(new BranchModeChanged(b.code, mode.name(), previous.name(), actor, Instant.now(clock)));
        return b;
    }
}
