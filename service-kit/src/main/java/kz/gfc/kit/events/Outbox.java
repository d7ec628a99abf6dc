package kz.gfc.kit.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * Writes an event to the service's {@code outbox} table inside the caller's transaction —
 * the only way a service publishes. If the transaction rolls back, the event never
 * existed; if it commits, {@link OutboxRelay} will publish it, now or after Kafka is back.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /** Publishes to the service's own topic ({@code gfc.outbox.topic}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent event) {
        return publish(config.topic(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, DomainEvent event) {
        return publish(topic, event.eventType(), event.aggregateId(), event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String subject, Object data) {
        return insert(topic, type, subject, data);
    }

    /**
     * Writes an event that the relay leaves alone until {@link #release} completes it or
     * {@code hold} has passed, whichever comes first: a draft that must survive a crash but
     * is normally finished a moment later, outside this transaction.
     *
     * <p>It goes through the transaction's JDBC connection, not the EntityManager, so it can
     * be called while the transaction is ending without flushing the caller's entities early.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publishHeld(String topic, DomainEvent draft, Duration hold) {
        UUID id = UUID.randomUUID();
        Object correlation = MDC.get("correlationId");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox (id, topic, msg_key, type, source, subject, occurred_at, correlation_id, payload, held_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            ps.setObject(1, id);
            ps.setString(2, topic);
            ps.setString(3, draft.aggregateId());
            ps.setString(4, draft.eventType());
            ps.setString(5, "/gfc/" + application);
            ps.setString(6, draft.aggregateId());
            ps.setObject(7, now);
            ps.setString(8, correlation == null ? null : correlation.toString());
            ps.setString(9, serialise(draft.eventType(), draft));
            ps.setObject(10, now.plus(hold));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("held event " + draft.eventType() + " not written", e);
        }
        return id;
    }

    public enum Release { RELEASED, ALREADY_SENT, MISSING }

    /** Replaces a held draft with the finished event and lets it go; MISSING when its transaction rolled back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Release release(UUID id, DomainEvent finished) {
        int updated = em.createNativeQuery("""
                UPDATE outbox SET payload = ?1, msg_key = ?2, subject = ?2, held_until = NULL
                WHERE id = ?3 AND sent_at IS NULL""")
                .setParameter(1, serialise(finished.eventType(), finished))
                .setParameter(2, finished.aggregateId())
                .setParameter(3, id)
                .executeUpdate();
        if (updated == 1) {
            wakeRelayOnCommit();
            return Release.RELEASED;
        }
        long sent = ((Number) em.createNativeQuery("SELECT count(*) FROM outbox WHERE id = ?1").setParameter(1, id)
                .getSingleResult()).longValue();
        return sent > 0 ? Release.ALREADY_SENT : Release.MISSING;
    }

    private String serialise(String type, Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " cannot be serialised", e);
        }
    }

    private UUID insert(String topic, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        String payload = serialise(type, data);
        Object correlation = MDC.get("correlationId");
        em.createNativeQuery("""
                INSERT INTO outbox (id, topic, msg_key, type, source, subject, occurred_at, correlation_id, payload)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, subject == null ? id.toString() : subject)
                .setParameter(4, type)
                .setParameter(5, "/gfc/" + application)
                .setParameter(6, subject)
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(8, correlation == null ? null : correlation.toString())
                .setParameter(9, payload)
                .executeUpdate();
        wakeRelayOnCommit();
        return id;
    }

    private void wakeRelayOnCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
