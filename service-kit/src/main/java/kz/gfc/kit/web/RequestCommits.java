package kz.gfc.kit.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.arc.Arc;

/**
 * "Do this in the request's own transaction, right before it commits": the one way the kit
 * writes its per-request bookkeeping atomically with the action — the audit draft, the
 * Idempotency-Key's committed mark. A request filter {@linkplain #register registers} a
 * hook; from then on every transaction that begins while the request is being handled gets
 * a JTA interposed {@link Synchronization} that runs the hooks in {@code beforeCompletion},
 * only if the transaction is still ACTIVE (about to commit, not rolling back).
 *
 * <p>It relies on the transaction manager, not on the order in which CDI observers or
 * Quarkus fire events around a commit: {@code beforeCompletion} is called inside the commit,
 * on the transaction's thread, with the transaction still associated — so a hook's JDBC
 * statements go through the transaction's own connection, and a hook that throws rolls the
 * whole transaction back (Quarkus' registry runs the connection pool's own synchronizations
 * after all others, so the connection is still the transaction's). The synchronization is
 * registered when the transaction begins, so it runs before Hibernate's flush, which joins
 * later; the hooks touch only the kit's own tables. It is registered
 * on {@code @Initialized(TransactionScoped.class)}, fired by Quarkus' transaction manager on
 * every {@code begin}, whether by {@code @Transactional}, {@code QuarkusTransaction} or
 * {@code UserTransaction}.
 *
 * <p>Once the response is being written, the request's hooks are closed: a transaction the
 * kit itself runs then (the audit line's own write) is not the request's action.
 */
@ApplicationScoped
public class RequestCommits {

    private static final Logger LOG = Logger.getLogger(RequestCommits.class);

    /** Something done inside each committing transaction of a request. */
    @FunctionalInterface
    public interface Hook {
        /**
         * Runs inside the transaction, right before it commits; an exception rolls it back
         * (a {@code ProblemException} then reaches the client as that problem). Returns what
         * to do once this transaction has ended, or null.
         */
        AfterCompletion beforeCommit();
    }

    @FunctionalInterface
    public interface AfterCompletion {
        /** Called once the transaction ended, normally on the thread that ended it; {@code committed} says how. */
        void ended(boolean committed);
    }

    private final TransactionSynchronizationRegistry registry;
    private final RequestCommitHooks requestHooks;

    RequestCommits(TransactionSynchronizationRegistry registry, RequestCommitHooks requestHooks) {
        this.registry = registry;
        this.requestHooks = requestHooks;
    }

    /**
     * Runs {@code hook} in every transaction of the current request that begins from now on
     * (and in the one running, if any), right before it commits. Call from the request's thread.
     */
    public void register(Hook hook) {
        requestHooks.add(hook);
        if (registry.getTransactionKey() != null) {
            enlist(requestHooks.list());
        }
    }

    void began(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!Arc.container().requestContext().isActive() || !requestHooks.open()) {
            return;
        }
        enlist(requestHooks.list());
    }

    /** Runs before the kit's other response filters (response filters run from the highest priority down). */
    @ServerResponseFilter(priority = Integer.MAX_VALUE)
    public void responding(ContainerRequestContext request, ContainerResponseContext response) {
        if (Arc.container().requestContext().isActive()) {
            requestHooks.close();
        }
    }

    private void enlist(List<Hook> hooks) {
        if (registry.getResource(RequestCommits.class) != null) {
            return;
        }
        registry.putResource(RequestCommits.class, Boolean.TRUE);
        registry.registerInterposedSynchronization(new BeforeCommit(registry, hooks));
    }

    private static final class BeforeCommit implements Synchronization {

        private final TransactionSynchronizationRegistry registry;
        private final List<Hook> hooks;
        private final List<AfterCompletion> after = new ArrayList<>(2);

        BeforeCommit(TransactionSynchronizationRegistry registry, List<Hook> hooks) {
            this.registry = registry;
            this.hooks = hooks;
        }

        @Override
        public void beforeCompletion() {
            // MARKED_ROLLBACK: the transaction will not commit, so there is nothing to record
            if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
                return;
            }
            for (Hook hook : hooks) {
                AfterCompletion a = hook.beforeCommit();
                if (a != null) {
                    after.add(a);
                }
            }
        }

        @Override
        public void afterCompletion(int status) {
            for (AfterCompletion a : after) {
                try {
                    a.ended(status == Status.STATUS_COMMITTED);
                } catch (RuntimeException e) {
                    // e.g. a transaction timed out and ended on the reaper's thread, outside the request
                    LOG.debugf("after-completion step skipped: %s", e.toString());
                }
            }
        }
    }
}
