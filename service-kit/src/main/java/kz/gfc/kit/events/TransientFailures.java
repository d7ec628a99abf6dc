package kz.gfc.kit.events;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Set;

import kz.gfc.kit.db.Causes;

/**
 * Tells a failure of the database (worth waiting for: the event is valid) from a failure
 * of the event (no retry can fix it: it goes to the dead-letter topic). Persistence layers
 * wrap the driver's exception several times, so the whole cause chain is read, including
 * {@link SQLException#getNextException()}.
 */
public final class TransientFailures {

    /** PostgreSQL SQLStates that a later attempt can succeed at. */
    private static final Set<String> STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout, NOWAIT)
            "57014", // query_canceled (statement_timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (starting up, recovering)
            "57P05", // idle_session_timeout
            "25006", // read_only_sql_transaction: a failover left us on a standby for a while
            "58000", // system_error
            "58030"); // io_error
    /** Whole classes: 08 connection exception, 53 insufficient resources (disk, memory, too many connections). */
    private static final Set<String> CLASSES = Set.of("08", "53");

    private TransientFailures() {
    }

    /**
     * True when a failure is the database's, not the event's: connection lost or refused,
     * pool exhausted, lock or statement timeout, serialization failure, deadlock, shutdown.
     * An {@link UnprocessableEventException} anywhere in the chain is the handler's verdict
     * and always wins.
     */
    public static boolean isTransient(Throwable failure) {
        List<Throwable> causes = Causes.of(failure);
        return causes.stream().noneMatch(UnprocessableEventException.class::isInstance)
                && causes.stream().anyMatch(TransientFailures::isTransientItself);
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return true; // timeouts, transaction rollbacks, connection failures as JDBC classifies them
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && state.length() == 5) {
                return STATES.contains(state) || CLASSES.contains(state.substring(0, 2));
            }
            // Agroal reports an exhausted pool with a bare SQLException and no SQLState
            return state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
        }
        return t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.QueryTimeoutException
                || t instanceof jakarta.persistence.OptimisticLockException // a concurrent update: re-read and retry
                || t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof org.hibernate.exception.LockAcquisitionException
                || t instanceof org.hibernate.exception.LockTimeoutException
                || t instanceof org.hibernate.PessimisticLockException
                || t instanceof org.hibernate.QueryTimeoutException;
    }
}
