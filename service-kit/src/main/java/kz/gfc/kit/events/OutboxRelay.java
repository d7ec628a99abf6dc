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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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

/**
 * Publishes outbox rows to Kafka and marks them sent.
 *
 * <p>One batch is one database transaction: take a transaction-scoped advisory lock (so of
 * several instances of a service only one relays at a time — no row is sent twice and one
 * aggregate's events keep their order), read unsent rows in {@code seq} order, send them
 * with {@code acks=all} through an idempotent producer, wait for every acknowledgement,
 * then stamp {@code sent_at} and commit. If Kafka is down the batch fails, nothing is
 * stamped, and the relay retries with a growing pause: rows written meanwhile go out when
 * the broker is back. A crash between the acks and the commit re-sends that batch once —
 * the consumers' {@code processed_event} check absorbs it.
 *
 * <p>It runs on its own thread and is woken right after a transaction that wrote to the
 * outbox commits, so latency is not bound to the poll interval.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:19092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wakeups = new Semaphore(0);
    // What the engineer on call reads first: is the outbox draining, and how old is its oldest row?
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentSeconds = new AtomicLong();
    private Instant lastSample = Instant.EPOCH;
    private Counter published;
    private Counter failedBatches;
    private volatile boolean running;
    private volatile boolean paused;
    private volatile Thread worker;
    private volatile Producer<String, byte[]> producer;
    private Instant lastCleanup = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        metrics.gauge("gfc.outbox.backlog", backlog);
        metrics.gauge("gfc.outbox.oldest.unsent.seconds", oldestUnsentSeconds);
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

    void stop(@Observes ShutdownEvent event) {
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
        Producer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
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

    private void loop() {
        Duration backoff = config.pollInterval();
        while (running) {
            try {
                int sent = paused ? 0 : relayBatch();
                published.increment(sent);
                sampleBacklog(false);
                backoff = config.pollInterval();
                if (sent < config.batchSize()) {
                    wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
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

    /** Publishes one batch; returns how many rows went out. Public so a test can drive it directly. */
    public int relayBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = relayBatch(c);
                c.commit();
                return n;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int relayBatch(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))");
                ResultSet r = lock.executeQuery()) {
            r.next();
            if (!r.getBoolean(1)) {
                return 0; // another instance of this service is relaying right now
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, id, topic, msg_key, type, source, subject, occurred_at, correlation_id, payload
                FROM outbox WHERE sent_at IS NULL AND (held_until IS NULL OR held_until <= now())
                ORDER BY seq LIMIT ?""")) {
            ps.setInt(1, config.batchSize());
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getTimestamp(8).toInstant(), r.getString(9),
                            r.getString(10)));
                }
            }
        }
        if (rows.isEmpty()) {
            cleanupSent(c);
            return 0;
        }
        Producer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(p.send(row.toRecord()));
        }
        p.flush();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE seq = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", rows.stream().map(Row::seq).toArray()));
            ps.executeUpdate();
        }
        return rows.size();
    }

    /** At most every 5 s (or on failure, when it matters most) — a count over the partial index of unsent rows. */
    private void sampleBacklog(boolean now) {
        Instant t = Instant.now();
        if (!now && Duration.between(lastSample, t).toSeconds() < 5) {
            return;
        }
        lastSample = t;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*), min(created_at) FROM outbox WHERE sent_at IS NULL");
                ResultSet r = ps.executeQuery()) {
            r.next();
            backlog.set(r.getLong(1));
            Timestamp oldest = r.getTimestamp(2);
            oldestUnsentSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), t).toSeconds()));
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
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(config.keepSent())));
            ps.executeUpdate();
        }
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox-relay");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()));
            // Kafka requires delivery.timeout >= linger + request.timeout
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(500, config.sendTimeout().toMillis() / 2)));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()));
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p = new KafkaProducer<>(props);
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

    private record Row(long seq, String id, String topic, String key, String type, String source, String subject,
            Instant time, String correlationId, String payload) {

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
