package kz.gfc.kit.events;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The one way a service consumes events. From a service's {@code @Incoming} method:
 * {@code inbox.accept(record)}, or for a channel consumed in batches ({@code batch=true}, a
 * {@link KafkaRecordBatch} parameter) {@code return inbox.accept(batch)}, which does the work of
 * a whole poll in one transaction. It parses the CloudEvent, finds the service's
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
        try {
            Outcome outcome = retried(record, 1, () -> process(record));
            count(record, outcome.label, 1);
            return outcome == Outcome.PROCESSED;
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                // the channel's failure strategy dead-letters it; the count tells on-call that it happens
                count(record, "failed", 1);
            }
            throw e;
        }
    }

    /**
     * What became of a batch: how many records took effect, had been processed before, or are
     * of types this service does not handle, and each record that can never be processed, by
     * its index in the batch, with the reason; the caller dead-letters those.
     */
    public record BatchOutcome(int processed, int duplicates, int ignored, Map<Integer, RuntimeException> failed) {
    }

    /**
     * Several records, as one poll returned them, in one transaction: the event ids go into
     * {@code processed_event} with one statement and each handler gets its fresh events with
     * {@link EventHandler#handleAll}, so a batch costs one commit instead of one per record.
     * The same guarantees as {@link #accept(ConsumerRecord)} for each record: a redelivery is a
     * no-op, a failing database is retried in place (the whole batch, in order), and a record
     * that can never be processed is returned in {@link BatchOutcome#failed()}, never thrown: when
     * the batch fails for such a reason, each of its records is processed on its own transaction,
     * so the good ones take effect and only the bad one is reported.
     */
    public BatchOutcome accept(List<ConsumerRecord<String, String>> records) {
        Map<Integer, RuntimeException> failed = new TreeMap<>();
        List<Parsed> todo = new ArrayList<>(records.size());
        int ignored = 0;
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            if (notOurs(record)) {
                ignored++;
                count(record, Outcome.IGNORED.label, 1);
                continue;
            }
            try {
                IncomingEvent event = parse(record);
                todo.add(new Parsed(i, record, event, byType.get(event.type())));
            } catch (RuntimeException e) {
                failed.put(i, e);
                count(record, "failed", 1);
            }
        }
        if (todo.isEmpty()) {
            return new BatchOutcome(0, 0, ignored, failed);
        }
        int processed = 0;
        int duplicates = 0;
        try {
            int fresh = retried(todo.get(0).record(), todo.size(), () -> processAll(todo));
            processed = fresh;
            duplicates = todo.size() - fresh;
            count(todo.get(0).record(), Outcome.PROCESSED.label, fresh);
            count(todo.get(0).record(), Outcome.DUPLICATE.label, todo.size() - fresh);
        } catch (RuntimeException batchFailure) {
            if (TransientFailures.isTransient(batchFailure)) {
                throw batchFailure; // interrupted while waiting for the database: nothing committed, nothing acknowledged
            }
            LOG.warnf("a batch of %d events from %s failed (%s): each is processed on its own, so only the bad one is"
                    + " dead-lettered", todo.size(), todo.get(0).record().topic(), rootMessage(batchFailure));
            for (Parsed p : todo) {
                try {
                    Outcome outcome = retried(p.record(), 1, () -> processOne(p.event(), p.handler()));
                    count(p.record(), outcome.label, 1);
                    if (outcome == Outcome.PROCESSED) {
                        processed++;
                    } else {
                        duplicates++;
                    }
                } catch (RuntimeException e) {
                    if (TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    failed.put(p.index(), e);
                    count(p.record(), "failed", 1);
                }
            }
        }
        return new BatchOutcome(processed, duplicates, ignored, failed);
    }

    /**
     * A batch from a channel consumed with {@code batch=true}, from a service's
     * {@code @Incoming @Blocking} method that returns what this returns. The records go through
     * {@link #accept(List)}; each one that can never be processed is nacked on its own, so the
     * channel's dead-letter strategy moves that record alone to the dead-letter topic (a nack of
     * the batch would move every record of it there, the good ones too); then the batch is
     * acknowledged, which commits its offsets. Throws, acknowledging nothing, if the
     * application stops while the database is away or the dead-letter topic refuses a record:
     * the batch is delivered again, and what took effect is then a no-op.
     */
    public CompletionStage<Void> accept(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> messages = batch.getRecords();
        List<ConsumerRecord<String, String>> records = new ArrayList<>(messages.size());
        for (KafkaRecord<String, String> m : messages) {
            records.add(consumerRecord(m));
        }
        BatchOutcome outcome = accept(records);
        outcome.failed().forEach((index, reason) -> messages.get(index).nack(reason).toCompletableFuture().join());
        return batch.ack();
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> m) {
        return m.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(meta -> (ConsumerRecord<String, String>) meta.getRecord())
                .orElseThrow(() -> new IllegalStateException("a batch record without its Kafka metadata"));
    }

    private record Parsed(int index, ConsumerRecord<String, String> record, IncomingEvent event, EventHandler handler) {
    }

    /** Runs {@code work} until it passes or fails for a reason that is not the database's. */
    private <T> T retried(ConsumerRecord<?, ?> first, int events, Supplier<T> work) {
        Duration pause = config.retry().initial();
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                count(first, "retried", events);
                LOG.warnf("%s at %s-%d@%d: the database failed (attempt %d), retrying in %d ms: %s",
                        events == 1 ? "event" : events + " events from", first.topic(), first.partition(), first.offset(),
                        attempt, pause.toMillis(), rootMessage(e));
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

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private void count(ConsumerRecord<?, ?> record, String result, int n) {
        if (n > 0) {
            counters.computeIfAbsent(record.topic() + '\n' + result,
                    k -> metrics.counter("gfc.events.consumed", "topic", record.topic(), "result", result)).increment(n);
        }
    }


    private boolean notOurs(ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (type != null && !type.isBlank() && !byType.containsKey(type)) {
            // a producer may add types to a shared topic, whatever their data: none of this service's business
            if (ignoredTypes.add(type)) {
                LOG.infof("events of type %s on %s are not handled by %s: skipped", type, record.topic(), consumer);
            }
            return true;
        }
        return false;
    }

    private Outcome process(ConsumerRecord<String, String> record) {
        if (notOurs(record)) {
            return Outcome.IGNORED;
        }
        IncomingEvent event = parse(record);
        return processOne(event, byType.get(event.type()));
    }

    private Outcome processOne(IncomingEvent event, EventHandler handler) {
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

    /** One transaction for the whole batch; returns how many of its events took effect. */
    private int processAll(List<Parsed> todo) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> inserted = remember(todo);
            List<Parsed> fresh = new ArrayList<>(inserted.size());
            for (Parsed p : todo) {
                // remove: the same id twice in one batch (a redelivery polled with the original) takes effect once
                if (inserted.remove(p.event().id())) {
                    fresh.add(p);
                }
            }
            // runs of events for the same handler, so the order across handlers is kept too
            int from = 0;
            for (int i = 1; i <= fresh.size(); i++) {
                if (i == fresh.size() || fresh.get(i).handler() != fresh.get(from).handler()) {
                    fresh.get(from).handler().handleAll(fresh.subList(from, i).stream().map(Parsed::event).toList());
                    from = i;
                }
            }
            return fresh.size();
        });
    }

    /** Records every event id of the batch with one statement; returns the ids that were new. */
    private Set<String> remember(List<Parsed> todo) {
        String[] ids = new String[todo.size()];
        String[] types = new String[todo.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = todo.get(i).event().id();
            types[i] = todo.get(i).event().type();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO processed_event (event_id, consumer, type)"
                    + " SELECT e.id, ?, e.type FROM unnest(?::varchar[], ?::varchar[]) AS e(id, type)"
                    + " ON CONFLICT DO NOTHING RETURNING event_id")) {
                ps.setString(1, consumer);
                ps.setArray(2, c.createArrayOf("varchar", ids));
                ps.setArray(3, c.createArrayOf("varchar", types));
                Set<String> fresh = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getString(1));
                    }
                }
                return fresh;
            }
        });
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
