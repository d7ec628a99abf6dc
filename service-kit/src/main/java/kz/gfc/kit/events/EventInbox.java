package kz.gfc.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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
 * Anything that cannot be processed throws, and the channel's {@code dead-letter-queue}
 * failure strategy moves the message to the dead-letter topic with the reason, so the
 * partition keeps flowing and nothing vanishes.
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

    /** Returns true if the event took effect now, false if it had been processed before. */
    public boolean accept(ConsumerRecord<String, String> record) {
        try {
            boolean fresh = process(record);
            metrics.counter("gfc.events.consumed", "topic", record.topic(), "result", fresh ? "processed" : "duplicate")
                    .increment();
            return fresh;
        } catch (RuntimeException e) {
            // the channel's failure strategy dead-letters it; the count tells on-call that it happens
            metrics.counter("gfc.events.consumed", "topic", record.topic(), "result", "failed").increment();
            throw e;
        }
    }

    private boolean process(ConsumerRecord<String, String> record) {
        IncomingEvent event = parse(record);
        EventHandler handler = byType.get(event.type());
        if (handler == null) {
            throw new UnprocessableEventException("no handler for event type " + event.type() + " in " + consumer);
        }
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
        }
        return fresh;
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
