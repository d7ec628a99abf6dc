package kz.gfc.rating.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.events.OutboxRelay;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * Issue #3: several relay instances of one service share one outbox and never send a row
 * twice, and one aggregate's events keep their order. Four threads with four database
 * connections stand in for four instances.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxRelayInstancesTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @AfterEach
    void resume() {
        relay.pause(false);
    }

    @Test
    void concurrentRelaysPublishEveryRowExactlyOnceAndInOrder() throws Exception {
        relay.pause(true);
        String topic = "gfc.test.relay." + UUID.randomUUID();
        String aggregate = "agg-" + UUID.randomUUID();
        KafkaProbe.createTopic(topic, 3);
        List<String> ids = new ArrayList<>();
        for (int batch = 0; batch < 6; batch++) {
            int first = batch * 50;
            ids.addAll(QuarkusTransaction.requiringNew().call(() -> {
                List<String> written = new ArrayList<>();
                for (int i = first; i < first + 50; i++) {
                    written.add(outbox.publish(topic, "kz.gfc.test.numbered.v1", aggregate, Map.of("n", i)).toString());
                }
                return written;
            }));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit((Callable<Integer>) () -> {
                    int sent = 0;
                    int failures = 0;
                    while (unsent(topic) > 0) {
                        try {
                            int n = relay.relayBatch();
                            sent += n;
                            if (n == 0) {
                                Thread.sleep(5); // another instance holds the lock: do not spin on 2 cores
                            }
                        } catch (Exception e) {
                            // A batch the broker did not acknowledge in time is rolled back and retried,
                            // as the relay's own loop does; it is not counted as sent.
                            if (++failures > 3) {
                                throw e;
                            }
                        }
                    }
                    return sent;
                }));
            }
            int total = 0;
            for (Future<Integer> f : runs) {
                total += f.get();
            }
            assertThat(total).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }

        List<ConsumerRecord<String, String>> received = KafkaProbe.read(topic, r -> true, 300, Duration.ofSeconds(60));
        assertThat(received).hasSize(300);
        Set<String> distinct = new HashSet<>();
        received.forEach(r -> distinct.add(KafkaProbe.header(r, CloudEventHeaders.ID)));
        assertThat(distinct).hasSize(300).containsAll(ids);
        List<Integer> order = received.stream().map(r -> Integer.parseInt(r.value().replaceAll("\\D", ""))).toList();
        assertThat(order).isSorted();
    }

    private long unsent(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox WHERE topic = ?1 AND sent_at IS NULL")
                .setParameter(1, topic).getSingleResult()).longValue());
    }
}
