package kz.gfc.kit.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /** What became of a held draft when its completion was published. */
    public enum Release {
        /** The draft was withdrawn before the relay took it: only the completion goes out. */
        RELEASED,
        /** The relay has sent, or is sending, the draft as it was: the completion follows it as a line of its own. */
        ALREADY_SENT,
        /** No such draft (its transaction rolled back): nothing was published. */
        MISSING
    }

    /**
     * Completes a held draft: the finished event is published as a row of its own (new id, so
     * a consumer's duplicate check never mistakes it for the draft) on the draft's topic, and
     * the draft is withdrawn if the relay has not taken it.
     *
     * <p>The draft row itself is never rewritten, so the completion cannot be lost to a relay
     * that read the draft (its hold having run out) and is sending it right now — whatever the
     * relay's locking: it stamps as sent a row that is gone, or that it really sent. A draft
     * the relay has locked or stamped is left alone ({@code SKIP LOCKED}: the response thread
     * never waits for a relay batch); at worst an action then has both lines, the draft and its
     * completion, never the draft alone and never the completion twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Release release(UUID id, DomainEvent finished) {
        try (Connection c = dataSource.getConnection()) {
            String topic = null;
            Release result = Release.RELEASED;
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM outbox WHERE id IN (
                        SELECT id FROM outbox WHERE id = ? AND sent_at IS NULL FOR UPDATE SKIP LOCKED)
                    RETURNING topic""")) {
                ps.setObject(1, id);
                try (ResultSet r = ps.executeQuery()) {
                    if (r.next()) {
                        topic = r.getString(1);
                    }
                }
            }
            if (topic == null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT topic FROM outbox WHERE id = ?")) {
                    ps.setObject(1, id);
                    try (ResultSet r = ps.executeQuery()) {
                        if (!r.next()) {
                            return Release.MISSING;
                        }
                        topic = r.getString(1);
                        result = Release.ALREADY_SENT;
                    }
                }
            }
            insert(topic, finished.eventType(), finished.aggregateId(), finished);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("held event " + id + " not released", e);
        }
    }

    /**
     * Completes a held draft without a transaction: the relay sends the finished event in the
     * draft's place (same id) on its next pass and stamps the row sent. Returns false when this
     * instance cannot take it (it does not relay, or holds too many already): then call
     * {@link #release} in a transaction. Should the instance die first, the draft goes out as
     * it is when its hold ends, exactly as if the response had never come.
     */
    public boolean completeLater(UUID draft, DomainEvent finished) {
        return relay.complete(draft, finished.eventType(), finished.aggregateId(), serialise(finished.eventType(), finished));
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
