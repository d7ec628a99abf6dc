package kz.gfc.kit.events;

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
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " cannot be serialised", e);
        }
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
