package kz.gfc.kit.problem;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;

import kz.gfc.kit.db.Causes;

/**
 * Recognises a write that lost to a concurrent one, however deeply it is wrapped: a unique
 * (or exclusion) constraint refusing a row that appeared in between, or an optimistic lock
 * ({@code @Version}) finding the entity changed since it was read. Both are the client's
 * cue to reload and retry (409), never an internal error.
 */
final class DataConflicts {

    /** PostgreSQL's unique_violation and exclusion_violation. */
    private static final Set<String> DUPLICATE_STATES = Set.of("23505", "23P01");

    private DataConflicts() {
    }

    /**
     * What conflicted, for the log (constraint or entity name, never a value: the driver
     * keeps the row's key out of its messages, see {@code logServerErrorDetail}), or empty
     * when the exception is no write conflict.
     */
    static Optional<String> of(Throwable e) {
        return Causes.of(e).stream().map(DataConflicts::reason).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> reason(Throwable t) {
        if (t instanceof org.hibernate.exception.ConstraintViolationException c
                && DUPLICATE_STATES.contains(c.getSQLState())) {
            return Optional.of("unique constraint " + c.getConstraintName());
        }
        if (t instanceof SQLException sql && DUPLICATE_STATES.contains(sql.getSQLState())) {
            return Optional.of("unique constraint (SQLState " + sql.getSQLState() + ")");
        }
        if (t instanceof OptimisticLockException && t.getCause() instanceof StaleStateException cause) {
            return reason(cause);
        }
        if (t instanceof StaleObjectStateException stale) {
            return Optional.of("optimistic lock on " + stale.getEntityName());
        }
        if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
            return Optional.of("optimistic lock");
        }
        return Optional.empty();
    }
}
