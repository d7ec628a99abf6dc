package kz.gfc.queue.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import kz.gfc.queue.domain.BoardCall;

/**
 * Feeds the branches' display boards. A call reaches the board only after its transaction
 * committed, so a board never shows a call that was rolled back.
 *
 * <p>In-memory: a board connected to one instance sees the calls made through that
 * instance. With several instances behind a balancer the board should follow TicketCalled
 * on gfc.queue.v1 instead (noted in the issue).
 */
@ApplicationScoped
public class DisplayBoard {

    private final BroadcastProcessor<BoardCall> calls = BroadcastProcessor.create();

    void onCall(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardCall call) {
        synchronized (calls) { // a processor's signals must not overlap
            calls.onNext(call);
        }
    }

    /** The calls of one branch from now on. */
    public Multi<BoardCall> calls(String branchCode) {
        return calls.filter(c -> c.branchCode().equals(branchCode));
    }
}
