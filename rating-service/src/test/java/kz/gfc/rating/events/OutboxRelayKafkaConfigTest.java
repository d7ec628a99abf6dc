package kz.gfc.rating.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.ConfigProvider;
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
 * The relay's producer is built from the service's whole Kafka client configuration
 * (every {@code kafka.*} property: security protocol, SASL, TLS, DNS…), not from the
 * bootstrap servers alone, so a broker that demands SASL over TLS gets it from the relay
 * too. rating-service's %test profile sets harmless client properties for this; a
 * relay-only {@code gfc.outbox.producer.*} setting is added on top, and the settings the
 * relay's guarantees rest on cannot be loosened by either.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OutboxRelayKafkaConfigTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Test
    void theRelayProducerCarriesEveryKafkaClientSettingOfTheService() {
        Map<String, Object> producer = relay.producerProperties();

        assertThat(producer).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.bootstrap())
                .containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry(ProducerConfig.METADATA_MAX_AGE_CONFIG, kafka("metadata.max.age.ms"))
                .containsEntry(ProducerConfig.CLIENT_DNS_LOOKUP_CONFIG, "use_all_dns_ips")
                // a relay-only override, and one the relay refuses (it set acks=0)
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "262144")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .doesNotContainKey("group.id");
        assertThat(kafka("metadata.max.age.ms")).as("the test profile sets it").isEqualTo("120000");

        // ... and the relay's records still flow with that configuration.
        String topic = "gfc.test.relay-config." + UUID.randomUUID();
        KafkaProbe.createTopic(topic, 1);
        String id = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(topic, "kz.gfc.test.numbered.v1", "agg-1", Map.of("n", 1)).toString());
        assertThat(KafkaProbe.read(topic, r -> true, 1, Duration.ofSeconds(30)))
                .singleElement().satisfies(r -> assertThat(KafkaProbe.header(r, CloudEventHeaders.ID)).isEqualTo(id));
    }

    private static String kafka(String property) {
        return ConfigProvider.getConfig().getValue("kafka." + property, String.class);
    }
}
