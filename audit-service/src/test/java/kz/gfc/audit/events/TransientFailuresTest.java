package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import kz.gfc.kit.events.TransientFailures;
import kz.gfc.kit.events.UnprocessableEventException;

/** Which failures EventInbox waits out (the database's) and which it dead-letters (the event's). */
class TransientFailuresTest {

    @Test
    void failuresOfTheDatabaseAreTransientHoweverDeeplyWrapped() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("canceling statement due to lock timeout", "55P03"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("could not serialize access", "40001")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("too many clients", "53300")))).isTrue();
        // Agroal: every connection of the pool busy for the whole acquisition timeout
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("gone"))).isTrue();
        assertThat(TransientFailures.isTransient(new LockTimeoutException("lock"))).isTrue();
        BatchUpdateException batch = new BatchUpdateException("batch failed", "40001", new int[0]);
        batch.setNextException(new SQLException("could not serialize access", "40001"));
        assertThat(TransientFailures.isTransient(new PersistenceException(batch))).isTrue();
    }

    @Test
    void failuresOfTheEventAreNot() {
        assertThat(TransientFailures.isTransient(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key value", "23505"), "audit_record_event_id_key"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataException("too long",
                new SQLException("value too long for type character varying(300)", "22001")))).isFalse();
        assertThat(TransientFailures.isTransient(new UnprocessableEventException("lacks actor"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        // the handler's own verdict wins over a database failure among its causes
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        deadlock.initCause(new UnprocessableEventException("rejected"));
        assertThat(TransientFailures.isTransient(new PersistenceException(deadlock))).isFalse();
    }

    /** As a handler's failure reaches EventInbox: driver exception in Hibernate's in JPA's in the transaction's. */
    private static RuntimeException wrapped(SQLException cause) {
        return new QuarkusTransactionException(new PersistenceException("could not execute statement",
                new org.hibernate.exception.GenericJDBCException("could not execute statement", cause)));
    }
}
