package kz.gfc.audit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.ChannelRegistry;
import kz.gfc.audit.domain.AuditLog;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * Prints figures, asserts no timing: how many AuditRecorded lines per second the service
 * ingests from its topic, and the CPU its JVM spends per line, after a warm-up of
 * {@code bench.warm-up} lines. The lines are produced while the channel is paused (the producer's CPU stays out of the figure), then the channel is
 * resumed and the clock and the process's CPU time run until every line is in the log.
 * This JVM is the service's: the figure is the consumer, the handler and the JDBC driver,
 * plus a count query twice a second; PostgreSQL's CPU is not in it.
 * Run: mvn -B -o -pl audit-service -am verify -Dgroups=benchmark -Dgfc.excluded.test.groups=none
 * -Dtest=AuditIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false (-Dbench.lines=N -Dbench.keys=K -Dbench.warm-up=W)
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(PausedChannel.class)
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditIngestBenchmark {

    @Inject
    ChannelRegistry channels;

    @Inject
    EntityManager em;

    @Inject
    AuditLog log;

    @Test
    void linesPerSecondAndCpuPerLine() throws Exception {
        int lines = Integer.getInteger("bench.lines", 20_000);
        int keys = Integer.getInteger("bench.keys", 64);
        int warmUp = Integer.getInteger("bench.warm-up", 5_000);
        var pausable = channels.getPausable("audit-events");
        assertThat(pausable.isPaused()).isTrue();

        // warm-up (JIT, pools, the first poll's rebalance), not measured
        String warm = "warm-" + UUID.randomUUID().toString().substring(0, 8);
        produce(warm, warmUp, keys);
        pausable.resume();
        long warmDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (stored(warm) < warmUp && System.nanoTime() < warmDeadline) {
            Thread.sleep(200);
        }
        pausable.pause();

        String tag = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        produce(tag, lines, keys);
        long before = stored(tag);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        pausable.resume();
        long deadline = t0 + Duration.ofMinutes(10).toNanos();
        long done;
        while ((done = stored(tag)) < lines && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        long ingested = done - before;

        System.out.printf("%n=== audit ingest, %d AuditRecorded lines on %d keys, %d ingested after resume ===%n", lines,
                keys, ingested);
        System.out.printf("%.0f lines/s   %.3f ms of this JVM's CPU per line   (%.1f s, %.1f CPU s)%n",
                ingested / seconds, cpu / 1e6 / ingested, seconds, cpu / 1e9);
        System.out.printf("cores: %d (PostgreSQL, Kafka, the service and this client share them)%n%n",
                Runtime.getRuntime().availableProcessors());
        assertThat(done).isEqualTo(lines);
        assertThat(log.verify().intact()).isTrue();
    }

    private static void produce(String tag, int lines, int keys) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            Future<RecordMetadata> last = null;
            for (int i = 0; i < lines; i++) {
                String key = tag + "-" + (i % keys);
                AuditRecorded a = new AuditRecorded(UUID.randomUUID().toString(), "queue-service", "citizen-" + key,
                        List.of("citizen"), "TicketResource.issue", "POST", "/api/v1/queues/BR1/tickets", tag,
                        key + "-" + i, "SUCCEEDED", 201, Instant.now(), "corr-" + i, "127.0.0.1");
                ProducerRecord<String, String> r = new ProducerRecord<>(KafkaProbe.auditTopic(), key, AuditEvents.json(a));
                AuditEvents.ce(AuditRecorded.TYPE).forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                last = producer.send(r);
            }
            producer.flush();
            last.get();
        }
    }

    private long stored(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM audit_record WHERE resource_type = ?1")
                .setParameter(1, tag).getSingleResult()).longValue());
    }
}
