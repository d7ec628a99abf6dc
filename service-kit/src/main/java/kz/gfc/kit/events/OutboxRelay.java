package kz.gfc.kit.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes outbox rows to Kafka and marks them sent.
 *
 * <p>One pass is one database transaction: take a transaction-scoped advisory lock (so of
 * several instances of a service only one relays at a time — no row is sent twice and one
 * aggregate's events keep their order), read unsent rows in {@code seq} order, send them
 * with {@code acks=all} through an idempotent producer, wait for the acknowledgements, then
 * record each row's own outcome and commit: an acknowledged row gets {@code sent_at}, a
 * refused one an attempt and its {@code last_error}. A crash between the acks and the commit
 * re-sends those rows once — the consumers' {@code processed_event} check absorbs it.
 *
 * <p>A row the broker will never take (too large, a topic that does not exist or that this
 * service may not write to) is parked after {@code gfc.outbox.park-after} such failures, so
 * it cannot hold back the service's other events. Until it is retried or discarded
 * ({@link ParkedEventsResource}) the later rows of its (topic, key) wait behind it, in a pass
 * too: they are not sent after a row of their key that failed. When nothing at all is
 * acknowledged and the errors are not about a particular record, the broker is down: no
 * row is charged for it and the relay retries with a growing pause, so an outage never
 * parks anything.
 *
 * <p>It runs on its own thread and is woken right after a transaction that wrote to the
 * outbox commits. When another instance holds the lock, that instance may have read the
 * outbox just before our rows committed, so an instance with rows of its own waiting tries
 * again within milliseconds instead of sleeping the poll interval, and the lock holder goes
 * on while its passes still find rows: rows of any instance go out within tens of
 * milliseconds, and no commit waits for anything.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** First and longest pause before an instance with rows waiting asks again for a lock another instance holds. */
    private static final long BUSY_RETRY_FIRST_MS = 5;
    private static final long BUSY_RETRY_MAX_MS = 40;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaClientConfig;
    private final String application;
    private final MeterRegistry metrics;

    private final Semaphore wakeups = new Semaphore(0);
    // What the engineer on call reads first: is the outbox draining, how old is its oldest row, is anything parked?
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile Instant lastSample = Instant.EPOCH;
    private Counter published;
    private Counter failedBatches;
    private volatile boolean running;
    private volatile boolean paused;
    private volatile Thread worker;
    private volatile Producer<String, byte[]> producer;
    private volatile Map<String, Object> producerProperties;
    private Instant lastCleanup = Instant.EPOCH;
    /**
     * Held drafts whose completion is known, by the draft row's id: the next pass sends the
     * completed event in the draft's place, under the draft's id, and stamps the row sent. A
     * completion costs no transaction of its own; lost with the instance, it leaves the draft,
     * which goes out as it is when its hold ends — what a crash before completing did anyway.
     */
    private final Map<String, Completion> completions = new ConcurrentHashMap<>();

    /**
     * @param kafkaClientConfig every {@code kafka.*} property of the service (and {@code KAFKA_*}
     *        variable), as Quarkus gathers them for all Kafka clients: bootstrap servers, security
     *        protocol, SASL, TLS…
     */
    @Inject
    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaClientConfig,
            @ConfigProperty(name = "quarkus.application.name") String application, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaClientConfig = Map.copyOf(kafkaClientConfig);
        this.application = application;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the relay's thread (the container does it at startup; a test may run a second instance). */
    public void start() {
        metrics.gauge("gfc.outbox.backlog", backlog);
        metrics.gauge("gfc.outbox.oldest.unsent.seconds", oldestUnsentSeconds);
        metrics.gauge("gfc.outbox.parked", parked);
        published = Counter.builder("gfc.outbox.published").description("Outbox rows acknowledged by Kafka")
                .register(metrics);
        failedBatches = Counter.builder("gfc.outbox.failed.batches")
                .description("Relay batches not acknowledged in time (Kafka down or slow); they are retried")
                .register(metrics);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            wakeups.release();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!completions.isEmpty() && !paused) {
            try {
                pass(); // the completions known here would otherwise wait out their drafts' hold
            } catch (Exception e) {
                LOG.warnf("outbox relay: %d completed drafts not sent at shutdown; their drafts go out when their hold ends: %s",
                        completions.size(), e.toString());
            }
        }
        Producer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Takes the completion of a held draft (see {@link Outbox#completeLater}); false when this
     * instance does not relay or already holds as many as it may, and the caller must write it.
     */
    boolean complete(UUID draft, String type, String subject, String payload) {
        if (!running || completions.size() >= config.maxPendingCompletions()) {
            return false;
        }
        completions.put(draft.toString(), new Completion(type, subject, payload, Instant.now()));
        wake();
        return true;
    }

    /** Called after a commit that wrote outbox rows. */
    public void wake() {
        wakeups.release();
    }

    /** Operations switch: a paused relay keeps rows in the outbox (e.g. while Kafka is being moved). */
    public void pause(boolean pause) {
        this.paused = pause;
        if (!pause) {
            wake();
        }
    }

    /** The configuration the relay's producer is (or will be) built from. */
    public Map<String, Object> producerProperties() {
        Map<String, Object> p = producerProperties;
        if (p == null) {
            p = buildProducerProperties();
            producerProperties = p;
        }
        return p;
    }

    private void loop() {
        Duration backoff = config.pollInterval();
        long busyRetry = BUSY_RETRY_FIRST_MS;
        // Woken for rows committed here that a pass of another instance may have missed.
        boolean owed = false;
        while (running) {
            try {
                owed |= wakeups.drainPermits() > 0;
                if (paused) {
                    owed |= idle();
                    continue;
                }
                Pass pass = pass();
                published.increment(pass.sent());
                sampleBacklog(false);
                backoff = config.pollInterval();
                if (pass.lockBusy()) {
                    if (owed) {
                        Thread.sleep(busyRetry);
                        busyRetry = Math.min(busyRetry * 2, BUSY_RETRY_MAX_MS);
                    } else {
                        owed |= idle();
                    }
                    continue;
                }
                owed = false;
                busyRetry = BUSY_RETRY_FIRST_MS;
                if (pass.sent() == 0) {
                    owed |= idle();
                }
                // else go on at once: rows may have committed while this pass ran
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("outbox relay: batch not published, retrying in %d ms: %s%s", backoff.toMillis(), e.toString(),
                        e.getCause() == null ? "" : " (" + e.getCause() + ")");
                failedBatches.increment();
                sampleBacklog(true);
                resetProducer();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Waits for a wakeup or the poll interval; true when woken. */
    private boolean idle() throws InterruptedException {
        boolean woken = wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        return wakeups.drainPermits() > 0 || woken;
    }

    /**
     * Publishes one batch; returns how many rows the broker acknowledged (0 also when another
     * instance is relaying). Throws when the broker looks down. Public so a test can drive it directly.
     */
    public int relayBatch() throws Exception {
        return pass().sent();
    }

    private Pass pass() throws Exception {
        Pass pass;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                pass = pass(c);
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        pass.settled().forEach(completions::remove);
        if (pass.parked() > 0) {
            sampleBacklog(true);
        }
        if (pass.brokerDown() != null) {
            throw pass.brokerDown();
        }
        return pass;
    }

    private Pass pass(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))");
                ResultSet r = lock.executeQuery()) {
            r.next();
            if (!r.getBoolean(1)) {
                return Pass.BUSY; // another instance of this service is relaying right now
            }
        }
        String[] completed = completions.keySet().toArray(String[]::new);
        List<Row> rows = new ArrayList<>();
        // A parked row holds back the later rows of its (topic, key); the lookup runs on the
        // small partial index of parked rows. The rows read are locked until this pass ends, so
        // an audit draft being released meanwhile is seen as on its way (Outbox.release).
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, id, topic, msg_key, type, source, subject, occurred_at, correlation_id, payload
                FROM outbox o
                WHERE sent_at IS NULL AND parked_at IS NULL AND discarded_at IS NULL
                  AND (held_until IS NULL OR held_until <= now() OR id = ANY (?::uuid[]))
                  AND NOT EXISTS (SELECT 1 FROM outbox p
                                  WHERE p.parked_at IS NOT NULL AND p.sent_at IS NULL AND p.discarded_at IS NULL
                                    AND p.topic = o.topic AND p.msg_key = o.msg_key AND p.seq < o.seq)
                ORDER BY seq LIMIT ?
                FOR UPDATE OF o SKIP LOCKED""")) {
            ps.setArray(1, c.createArrayOf("varchar", completed));
            ps.setInt(2, config.batchSize());
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    Row row = new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getTimestamp(8).toInstant(), r.getString(9),
                            r.getString(10));
                    Completion done = completions.get(row.id());
                    rows.add(done == null ? row : row.completedBy(done));
                }
            }
        }
        List<String> settled = settleStrays(c, completed, rows);
        if (rows.isEmpty()) {
            cleanupSent(c);
            return settled.isEmpty() ? Pass.IDLE : new Pass(false, 0, 0, null, settled);
        }

        Producer<String, byte[]> p = producer();
        List<Sending> sendings = new ArrayList<>(rows.size());
        Set<String> blockedKeys = new HashSet<>();
        Set<String> deferredTopics = new HashSet<>();
        for (Row row : rows) {
            if (blockedKeys.contains(row.orderKey()) || deferredTopics.contains(row.topic())) {
                continue; // waits behind a row of its key that failed; tried again in the next pass
            }
            Future<RecordMetadata> ack;
            try {
                ack = p.send(row.toRecord());
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            sendings.add(new Sending(row, ack));
            // A record the client refuses (too large, not serialisable) or a topic without
            // metadata fails here and now: the rest of its key must not overtake it.
            Throwable early = failure(ack);
            if (early != null) {
                blockedKeys.add(row.orderKey());
                if (early instanceof RetriableException) {
                    deferredTopics.add(row.topic()); // each further send to it would block as long
                }
            }
        }
        p.flush();

        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        for (Sending s : sendings) {
            try {
                s.ack().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(s.row().seq());
            } catch (ExecutionException e) {
                failed.add(new Failed(s.row(), e.getCause() == null ? e : e.getCause()));
            } catch (TimeoutException e) {
                failed.add(new Failed(s.row(), new org.apache.kafka.common.errors.TimeoutException(
                        "not acknowledged within " + config.sendTimeout())));
            }
        }
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE seq = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", acknowledged.toArray()));
                ps.executeUpdate();
            }
            Set<Long> acked = new HashSet<>(acknowledged);
            for (Sending s : sendings) {
                if (s.row().completed() && acked.contains(s.row().seq())) {
                    settled.add(s.row().id());
                }
            }
        }

        // The broker took other rows meanwhile, or the error names this very record: the
        // failure is the row's own. Otherwise nobody can tell, and the broker is presumed down.
        boolean brokerWorks = !acknowledged.isEmpty();
        int parkedNow = 0;
        List<Failed> unexplained = new ArrayList<>();
        for (Failed f : failed) {
            if (brokerWorks || rowSpecific(f.error())) {
                parkedNow += charge(c, f) ? 1 : 0;
            } else {
                unexplained.add(f);
            }
        }
        if (failed.stream().anyMatch(f -> !rowSpecific(f.error()))) {
            resetProducer(); // it may hold half-sent records or be in a state it cannot leave
        }
        BrokerUnavailableException down = null;
        if (!unexplained.isEmpty()) {
            down = new BrokerUnavailableException(unexplained.size() + " of " + sendings.size()
                    + " records not acknowledged, none was", unexplained.get(0).error());
        }
        return new Pass(false, acknowledged.size(), parkedNow, down, settled);
    }

    /**
     * Completions whose draft this pass did not read and will never read as a draft: it was
     * sent as it was (its hold ran out before the response came) — then the completion follows
     * as a row of its own, new id, as {@link Outbox#release} does — or it is gone (its
     * transaction rolled back after all, or it was discarded). Only completions older than a
     * second are looked at: a younger one is normally just behind a full batch.
     */
    private List<String> settleStrays(Connection c, String[] completed, List<Row> read) throws SQLException {
        List<String> settled = new ArrayList<>();
        if (completed.length == 0) {
            return settled;
        }
        Instant cutoff = Instant.now().minusSeconds(1);
        Set<String> inPass = new HashSet<>();
        read.forEach(r -> inPass.add(r.id()));
        List<String> stray = new ArrayList<>();
        for (String id : completed) {
            Completion done = completions.get(id);
            if (done != null && !inPass.contains(id) && done.at().isBefore(cutoff)) {
                stray.add(id);
            }
        }
        if (stray.isEmpty()) {
            return settled;
        }
        Map<String, String> state = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id::varchar, CASE WHEN sent_at IS NOT NULL OR discarded_at IS NOT NULL THEN 'gone' ELSE 'waiting' END,
                       topic, msg_key, source, correlation_id
                FROM outbox WHERE id = ANY (?::uuid[])""")) {
            ps.setArray(1, c.createArrayOf("varchar", stray.toArray()));
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    if ("gone".equals(r.getString(2))) {
                        Completion done = completions.get(id);
                        insertCompletion(c, r.getString(3), r.getString(4), r.getString(5), r.getString(6), done);
                        settled.add(id);
                    }
                    state.put(id, r.getString(2));
                }
            }
        }
        for (String id : stray) {
            if (!state.containsKey(id)) {
                settled.add(id); // its draft never committed: there is nothing to complete
            }
        }
        return settled;
    }

    private void insertCompletion(Connection c, String topic, String key, String source, String correlationId,
            Completion done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox (id, topic, msg_key, type, source, subject, occurred_at, correlation_id, payload)
                VALUES (?, ?, ?, ?, ?, ?, now(), ?, ?)""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, topic);
            ps.setString(3, key);
            ps.setString(4, done.type());
            ps.setString(5, source);
            ps.setString(6, done.subject());
            ps.setString(7, correlationId);
            ps.setString(8, done.payload());
            ps.executeUpdate();
        }
        wake();
    }

    /** Counts a failure against the row and parks it at the limit; true when it was parked now. */
    private boolean charge(Connection c, Failed f) throws SQLException {
        String error = f.error().getClass().getSimpleName() + ": " + f.error().getMessage();
        if (error.length() > 1000) {
            error = error.substring(0, 1000);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE outbox SET attempts = attempts + 1, last_error = ?,
                       parked_at = CASE WHEN attempts + 1 >= ? THEN now() END
                WHERE seq = ? RETURNING attempts, parked_at IS NOT NULL""")) {
            ps.setString(1, error);
            ps.setInt(2, config.parkAfter());
            ps.setLong(3, f.row().seq());
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                int attempts = r.getInt(1);
                boolean parkedNow = r.getBoolean(2);
                // seq, topic and type only: the key and the payload may name a person's case
                if (parkedNow) {
                    LOG.errorf("outbox row seq=%d (%s on %s) parked after %d failures, the later events of its key wait"
                            + " behind it; see GET /ops/outbox/parked: %s", f.row().seq(), f.row().type(), f.row().topic(),
                            attempts, error);
                } else {
                    LOG.warnf("outbox row seq=%d (%s on %s) refused (attempt %d of %d): %s", f.row().seq(), f.row().type(),
                            f.row().topic(), attempts, config.parkAfter(), error);
                }
                return parkedNow;
            }
        }
    }

    /** Errors that are about the record itself, whatever the state of the broker. */
    static boolean rowSpecific(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidTopicException || e instanceof TopicAuthorizationException
                || e instanceof SerializationException || e instanceof InvalidRecordException;
    }

    /** The error of a send that has already failed, or null. */
    private static Throwable failure(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Refreshes the gauges now (after an engineer retried or discarded a parked row). */
    void sampleNow() {
        sampleBacklog(true);
    }

    /**
     * At most every 5 s (or on failure or parking, when it matters most) — counts over the
     * partial indexes of queued and of parked rows. Rows waiting behind a parked row stay in
     * the backlog: they are late too.
     */
    private void sampleBacklog(boolean now) {
        Instant t = Instant.now();
        if (!now && Duration.between(lastSample, t).toSeconds() < 5) {
            return;
        }
        lastSample = t;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL AND discarded_at IS NULL),
                               (SELECT min(created_at) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL AND discarded_at IS NULL),
                               (SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL AND sent_at IS NULL AND discarded_at IS NULL)""");
                ResultSet r = ps.executeQuery()) {
            r.next();
            backlog.set(r.getLong(1));
            Timestamp oldest = r.getTimestamp(2);
            oldestUnsentSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), t).toSeconds()));
            parked.set(r.getLong(3));
        } catch (SQLException e) {
            LOG.debugf("outbox backlog not sampled: %s", e.getMessage());
        }
    }

    private void cleanupSent(Connection c) throws SQLException {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).toMinutes() < 10) {
            return;
        }
        lastCleanup = now;
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outbox WHERE (sent_at IS NOT NULL AND sent_at < ?) OR (discarded_at IS NOT NULL AND discarded_at < ?)")) {
            Timestamp before = Timestamp.from(now.minus(config.keepSent()));
            ps.setTimestamp(1, before);
            ps.setTimestamp(2, before);
            ps.executeUpdate();
        }
    }

    private Map<String, Object> buildProducerProperties() {
        Map<String, Object> props = new HashMap<>(kafkaClientConfig);
        // Quarkus adds a group id for the service's consumers; a producer has no use for it.
        props.remove("group.id");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox-relay");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.putAll(config.producer());
        // What the relay's guarantees rest on, whatever the configuration says.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()));
        // Kafka requires delivery.timeout >= linger + request.timeout
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(500, config.sendTimeout().toMillis() / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return Collections.unmodifiableMap(props);
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            p = new KafkaProducer<>(new HashMap<>(producerProperties()));
            producer = p;
        }
        return p;
    }

    /** After a failed batch the producer may hold half-sent records: start clean. */
    private void resetProducer() {
        Producer<String, byte[]> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a broken producer may fail too; a new one is made on the next batch
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one pass did: the lock was taken by another instance, or rows were sent and refused. */
    /** {@code settled}: completions done with once the pass commits (sent in their draft's place, or moot). */
    private record Pass(boolean lockBusy, int sent, int parked, BrokerUnavailableException brokerDown, List<String> settled) {
        static final Pass BUSY = new Pass(true, 0, 0, null, List.of());
        static final Pass IDLE = new Pass(false, 0, 0, null, List.of());
    }

    private record Completion(String type, String subject, String payload, Instant at) {
    }

    private record Sending(Row row, Future<RecordMetadata> ack) {
    }

    private record Failed(Row row, Throwable error) {
    }

    /** Nothing was acknowledged and no error names a record: the broker is down or unreachable. */
    static final class BrokerUnavailableException extends Exception {
        BrokerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Row(long seq, String id, String topic, String key, String type, String source, String subject,
            Instant time, String correlationId, String payload, boolean completed) {

        Row(long seq, String id, String topic, String key, String type, String source, String subject, Instant time,
                String correlationId, String payload) {
            this(seq, id, topic, key, type, source, subject, time, correlationId, payload, false);
        }

        /** The draft's row carrying its completed event: same id, key and topic, the finished content. */
        Row completedBy(Completion done) {
            return new Row(seq, id, topic, key, done.type(), source, done.subject(), time, correlationId, done.payload(), true);
        }

        /** Events of one key must reach the topic in seq order. */
        String orderKey() {
            return topic + '\u0000' + key;
        }

        ProducerRecord<String, byte[]> toRecord() {
            RecordHeaders h = new RecordHeaders();
            h.add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
            h.add(CloudEventHeaders.ID, bytes(id));
            h.add(CloudEventHeaders.SOURCE, bytes(source));
            h.add(CloudEventHeaders.TYPE, bytes(type));
            if (subject != null) {
                h.add(CloudEventHeaders.SUBJECT, bytes(subject));
            }
            h.add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(time)));
            if (correlationId != null) {
                h.add(CloudEventHeaders.CORRELATION_ID, bytes(correlationId));
            }
            h.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
            return new ProducerRecord<>(topic, null, key, bytes(payload), h);
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
