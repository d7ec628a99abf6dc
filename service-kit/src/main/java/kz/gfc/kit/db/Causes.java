package kz.gfc.kit.db;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Every exception behind a failure, nearest first. Persistence layers wrap the driver's
 * exception several times (JTA's RollbackException, Hibernate, JPA), keep others as suppressed,
 * and JDBC chains a batch's failures with {@link SQLException#getNextException()}: whoever asks
 * "what really failed" must read all of them.
 */
public final class Causes {

    /** Enough for any real wrapping; a cycle or a pathological chain stops here. */
    private static final int MAX = 20;

    private Causes() {
    }

    public static List<Throwable> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty() && out.size() < MAX) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            todo.addAll(Arrays.asList(t.getSuppressed()));
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return out;
    }
}
