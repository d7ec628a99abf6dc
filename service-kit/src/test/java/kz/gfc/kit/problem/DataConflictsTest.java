package kz.gfc.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** How deep a write conflict may be wrapped and still be recognised (the mapper turns it into a 409). */
class DataConflictsTest {

    private static final SQLException UNIQUE = new SQLException(
            "ERROR: duplicate key value violates unique constraint \"rating_visit_id_key\"", "23505");

    @Test
    void aUniqueViolationIsAConflictHoweverItIsWrapped() {
        var hibernate = new ConstraintViolationException("could not execute statement", UNIQUE, "rating_visit_id_key");
        assertThat(DataConflicts.of(hibernate)).contains("unique constraint rating_visit_id_key");

        // at commit: the interceptor's undeclared-throwable wrapper around JTA's RollbackException
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(hibernate);
        assertThat(DataConflicts.of(new RuntimeException(rollback))).contains("unique constraint rating_visit_id_key");

        // a plain JDBC one, and one only among the suppressed
        assertThat(DataConflicts.of(new PersistenceException(UNIQUE))).isPresent();
        RuntimeException suppressing = new RuntimeException("commit failed");
        suppressing.addSuppressed(hibernate);
        assertThat(DataConflicts.of(suppressing)).isPresent();
    }

    @Test
    void anOptimisticLockIsAConflictAndNamesTheEntity() {
        var stale = new StaleObjectStateException("kz.gfc.queue.domain.Branch", "ALM-01");
        assertThat(DataConflicts.of(new OptimisticLockException(stale))).contains("optimistic lock on kz.gfc.queue.domain.Branch");
        assertThat(DataConflicts.of(new OptimisticLockException("row changed"))).contains("optimistic lock");
    }

    @Test
    void otherDatabaseErrorsAreNoConflict() {
        SQLException foreignKey = new SQLException("violates foreign key constraint", "23503");
        assertThat(DataConflicts.of(new ConstraintViolationException("fk", foreignKey, "fk_x"))).isEmpty();
        assertThat(DataConflicts.of(new PersistenceException(new SQLException("connection refused", "08001")))).isEmpty();
        assertThat(DataConflicts.of(new IllegalStateException("bug"))).isEmpty();
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DataConflicts.of(a)).isEmpty();
    }
}
