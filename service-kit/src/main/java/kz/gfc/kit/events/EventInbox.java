package kz.gfc.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way a service consumes events. From a service's {@code @Incoming} method:
 * {@code inbox.accept(record)}. It parses the CloudEvent, finds the service's
 * {@link EventHandler} for its type, and runs the handler in a new transaction that first
 * records the event id in {@code processed_event}: a redelivery finds the id and is a no-op.
 *
 * <p>What happens when it does not work out:
 * <ul>
 * <li>a type no handler of this service declares is skipped (counted {@code ignored}), so a
 * producer may add types to a topic without breaking its consumers;</li>
 * <li>a failure of the database ({@link TransientFailures}: connection, pool, lock or
 * statement timeout, serialization failure, deadlock) is retried in place with a doubling
 * pause up to {@code gfc.inbox.retry.max-delay}, for as long as it lasts (counted
 * {@code retried}). The partition waits behind the event, so order is kept and a valid
 * event never reaches the dead-letter topic because the database was away;</li>
 * <li>anything else (not a CloudEvent, bad JSON, a handler's {@link UnprocessableEventException},
 * a constraint violation, a bug) is thrown (counted {@code failed}), and the channel's
 * {@code dead-letter-queue} failure strategy, a kit default for every incoming channel,
 * moves the record to {@code gfc.dlq.<service>.v1} with the reason, so the partition keeps
 * flowing. {@link DeadLetterReplay} re-injects such records once the cause is fixed.</li>
 * </ul>
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    private final Map<String, EventHandler> byType = new HashMap<>();

    @PostConstruct
    void index() {
        for (EventHandler h : handlers) {
            for (String type : h.types()) {
                EventHandler previous = byType.put(type, h);
                if (previous != null) {
                    throw new IllegalStateException("two handlers for " + type + ": " + previous + " and " + h);
                }
            }
        }
    }

    @Inject
    MeterRegistry metrics;

    @Inject
    InboxConfig config;

    private final Set<String> ignoredTypes = ConcurrentHashMap.newKeySet();

    private enum Outcome {
        PROCESSED, DUPLICATE, IGNORED;

        final String label = name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns true if the event took effect now, false if it had been processed before or
     * is of a type this service does not handle. Blocks while the database fails.
     */
    public boolean accept(ConsumerRecord<String, String> record) {
        Duration pause = config.retry().initial();
        for (int attempt = 1;; attempt++) {
            try {
                Outcome outcome = process(record);
                count(record, outcome.label);
                return outcome == Outcome.PROCESSED;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    // the channel's failure strategy dead-letters it; the count tells on-call that it happens
                    count(record, "failed");
                    throw e;
                }
                count(record, "retried");
                LOG.warnf("event at %s-%d@%d: the database failed (attempt %d), retrying in %d ms: %s", record.topic(),
                        record.partition(), record.offset(), attempt, pause.toMillis(), rootMessage(e));
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException stopping) {
                    // only the application's shutdown interrupts a consumer: leave, the offset stays uncommitted
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(config.retry().maxDelay()) > 0 ? config.retry().maxDelay()
                        : pause.multipliedBy(2);
            }
        }
    }

    private void count(ConsumerRecord<?, ?> record, String result) {
        metrics.counter("gfc.events.consumed", "topic", record.topic(), "result", result).increment();
    }

    private Outcome process(ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (type != null && !type.isBlank() && !byType.containsKey(type)) {
            // a producer may add types to a shared topic, whatever their data: none of this service's business
            if (ignoredTypes.add(type)) {
                LOG.infof("events of type %s on %s are not handled by %s: skipped", type, record.topic(), consumer);
            }
            return Outcome.IGNORED;
        }
        IncomingEvent event = parse(record);
        EventHandler handler = byType.get(event.type());
        boolean fresh = QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery(
                    "INSERT INTO processed_event (event_id, consumer, type) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, event.id())
                    .setParameter(2, consumer)
                    .setParameter(3, event.type())
                    .executeUpdate();
            if (inserted == 0) {
                return false;
            }
            handler.handle(event);
            return true;
        });
        if (!fresh) {
            LOG.debugf("event %s (%s) already processed: skipped", event.id(), event.type());
            return Outcome.DUPLICATE;
        }
        return Outcome.PROCESSED;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    IncomingEvent parse(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new UnprocessableEventException("not a CloudEvent: ce_id and ce_type headers are required");
        }
        if (record.value() == null) {
            throw new UnprocessableEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnprocessableEventException("event " + id + " data is not JSON: " + e.getOriginalMessage());
        }
        if (data == null || !data.isObject()) {
            throw new UnprocessableEventException("event " + id + " data is not a JSON object");
        }
        Instant time;
        try {
            String t = header(record, CloudEventHeaders.TIME);
            time = t == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(t);
        } catch (Exception e) {
            throw new UnprocessableEventException("event " + id + " has a malformed ce_time");
        }
        return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), time, header(record, CloudEventHeaders.CORRELATION_ID),
                data, record.topic(), record.partition(), record.offset());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
