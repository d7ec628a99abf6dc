package kz.gfc.kit.problem;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;

/**
 * Recognises a write that lost to a concurrent one, however deeply it is wrapped: a unique
 * (or exclusion) constraint refusing a row that appeared in between, or an optimistic lock
 * ({@code @Version}) finding the entity changed since it was read. Both are the client's
 * cue to reload and retry (409), never an internal error.
 */
final class DataConflicts {

    /** PostgreSQL's unique_violation and exclusion_violation. */
    private static final Set<String> DUPLICATE_STATES = Set.of("23505", "23P01");
    private static final int MAX_DEPTH = 20;

    private DataConflicts() {
    }

    /**
     * What conflicted, for the log (constraint or entity name, never a value: the driver
     * keeps the row's key out of its messages, see {@code logServerErrorDetail}), or empty
     * when the exception is no write conflict.
     */
    static Optional<String> of(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(e);
        while (!todo.isEmpty() && seen.size() < MAX_DEPTH) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            Optional<String> reason = reason(t);
            if (reason.isPresent()) {
                return reason;
            }
            List<Throwable> next = new ArrayList<>(Arrays.asList(t.getSuppressed()));
            next.add(t.getCause());
            if (t instanceof SQLException sql) {
                next.add(sql.getNextException());
            }
            next.stream().filter(Objects::nonNull).forEach(todo::add);
        }
        return Optional.empty();
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
