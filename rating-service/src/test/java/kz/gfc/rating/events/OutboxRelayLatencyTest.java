package kz.gfc.rating.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.common.annotation.Identifier;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.events.OutboxConfig;
import kz.gfc.kit.events.OutboxRelay;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * Two instances of one service, one outbox: a row committed on instance B while instance A
 * holds the relay's lock (A is relaying a batch of its own, which it read before B's row
 * committed) reaches the broker within tens of milliseconds, not after the 0.5 s poll, and
 * exactly once. Instance A is this application's relay; instance B is a second relay on a
 * connection pool and producer of its own, and B's rows are written on a connection of
 * their own and announced to B alone, as B's {@code Outbox} would after its commit.
 *
 * <p>Latency is measured from just before B's commit to the broker's append time
 * (the topic has {@code message.timestamp.type=LogAppendTime}).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxRelayLatencyTest {

    private static final int SAMPLES = 40;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaClientConfig;

    @BeforeEach
    void relayRunning() {
        relay.pause(false);
    }

    @Test
    void aRowCommittedOnAnotherInstanceWhileThisOneRelaysGoesOutWithinTensOfMilliseconds() throws Exception {
        String topic = "gfc.test.latency." + UUID.randomUUID();
        String busyTopic = "gfc.test.latency-busy." + UUID.randomUUID();
        createTopic(topic, true);
        createTopic(busyTopic, false);
        Map<String, Long> appendedAt = new ConcurrentHashMap<>();
        Map<String, Integer> copies = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> read(topic, appendedAt, copies, reading), "latency-reader");
        reader.start();

        OutboxRelay instanceB = new OutboxRelay(dataSource, config, kafkaClientConfig, "rating-service",
                new SimpleMeterRegistry());
        instanceB.start();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        try (Connection b = dataSource.getConnection(); Connection watcher = dataSource.getConnection()) {
            b.setAutoCommit(true);
            watcher.setAutoCommit(true);
            // Instance A relays what a busy service commits (small batches), then large ones that hold the lock longer.
            for (int[] phase : new int[][] { { 10, 500 }, { 100, 4_000 } }) {
                Map<String, Long> committed = new ConcurrentHashMap<>();
                int duringALock = 0;
                String padding = "x".repeat(phase[1]);
                for (int i = 0; i < SAMPLES; i++) {
                    // Instance A commits a batch of its own and starts relaying it (its commit woke it).
                    int sample = i;
                    QuarkusTransaction.requiringNew().run(() -> {
                        for (int n = 0; n < phase[0]; n++) {
                            outbox.publish(busyTopic, "kz.gfc.test.busy.v1", "busy-" + sample + "-" + n % 10,
                                    Map.of("n", n, "padding", padding));
                        }
                    });
                    if (awaitRelayLockHeld(watcher)) {
                        duringALock++;
                    }
                    // Instance B commits one row and wakes its own relay, which finds the lock taken.
                    String id = UUID.randomUUID().toString();
                    committed.put(id, System.currentTimeMillis());
                    insertAsAnotherInstance(b, topic, id, i);
                    instanceB.wake();

                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (!appendedAt.containsKey(id) && System.nanoTime() < deadline) {
                        Thread.sleep(2);
                    }
                    Thread.sleep(ThreadLocalRandom.current().nextInt(20, 80));
                }
                committedAt.putAll(committed);
                List<Long> latencies = new ArrayList<>();
                committed.forEach((id, t) -> latencies.add(appendedAt.getOrDefault(id, Long.MAX_VALUE) - t));
                latencies.sort(null);
                long p50 = percentile(latencies, 50);
                long p99 = percentile(latencies, 99);
                System.out.printf("[OutboxRelayLatencyTest] instance A relaying %d rows of %d B per commit: commit-to-broker"
                        + " of instance B's rows n=%d (%d met A holding the relay lock) p50=%d ms p90=%d ms p99=%d ms"
                        + " max=%d ms (poll interval %d ms)%n", phase[0], phase[1], latencies.size(), duringALock, p50,
                        percentile(latencies, 90), p99, latencies.get(latencies.size() - 1),
                        config.pollInterval().toMillis());
                assertThat(p50).isLessThan(config.pollInterval().toMillis() / 4);
                assertThat(p99).isLessThan(400);
                if (phase[0] >= 100) {
                    assertThat(duringALock).as("the measurement really met a busy lock").isGreaterThanOrEqualTo(SAMPLES / 2);
                }
            }
            Thread.sleep(1_500); // a duplicate would show up meanwhile
        } finally {
            instanceB.stop();
            reading.set(false);
            reader.join(5_000);
        }

        assertThat(appendedAt.keySet()).as("every row of instance B reached the broker").containsAll(committedAt.keySet());
        assertThat(copies).as("each exactly once").hasSize(committedAt.size()).allSatisfy((id, n) -> assertThat(n).isOne());
    }

    /** Waits (up to 1 s) until a relay holds this schema's outbox lock; false if it was not seen. */
    private static boolean awaitRelayLockHeld(Connection c) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    AND objid = CAST(CAST(hashtext(current_schema() || '.outbox') AS bigint) & 4294967295 AS oid))""")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = ps.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return true;
                    }
                }
                Thread.sleep(1);
            }
        }
        return false;
    }

    private static void insertAsAnotherInstance(Connection c, String topic, String id, int n) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox (id, topic, msg_key, type, source, subject, occurred_at, payload)
                VALUES (CAST(? AS uuid), ?, ?, 'kz.gfc.test.numbered.v1', '/gfc/rating-service', ?, now(), ?)""")) {
            ps.setString(1, id);
            ps.setString(2, topic);
            ps.setString(3, "agg-b-" + n % 7);
            ps.setString(4, "agg-b-" + n % 7);
            ps.setString(5, "{\"n\":" + n + "}");
            ps.executeUpdate();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The broker stamps each record with its own append time: commit-to-broker, whoever relayed it. */
    private static void createTopic(String topic, boolean appendTime) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrap());
        try (Admin admin = Admin.create(p)) {
            NewTopic t = new NewTopic(topic, 1, (short) 1);
            if (appendTime) {
                t.configs(Map.of("message.timestamp.type", "LogAppendTime"));
            }
            admin.createTopics(List.of(t)).all().get();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().get(0).leader() == null) {
                assertThat(System.nanoTime()).as("topic has a leader").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static void read(String topic, Map<String, Long> appendedAt, Map<String, Integer> copies, AtomicBoolean reading) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            c.assign(List.of(partition));
            c.seekToBeginning(List.of(partition));
            while (reading.get()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(20))) {
                    String id = KafkaProbe.header(r, CloudEventHeaders.ID);
                    appendedAt.putIfAbsent(id, r.timestamp());
                    copies.merge(id, 1, Integer::sum);
                }
            }
        }
    }
}
