package kz.gfc.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import kz.gfc.kit.events.CloudEventHeaders;
import kz.gfc.kit.testing.KafkaProbe;

/** Sends other services' events to this run's topics and reads intake's own. */
final class Events {

    private Events() {
    }

    static String topic(String base) {
        return base + ConfigProvider.getConfig().getOptionalValue("gfc.topics.suffix", String.class).orElse("");
    }

    /** Sends a CloudEvent and returns its id. */
    static String send(String baseTopic, String type, String key, String json) {
        String id = UUID.randomUUID().toString();
        KafkaProbe.send(topic(baseTopic), key, Map.of(CloudEventHeaders.ID, id, CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "test", CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.TIME,
                Instant.now().toString(), CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON), json);
        return id;
    }

    static List<ConsumerRecord<String, String>> published(String applicationId, String type, int expected) {
        return KafkaProbe.read(KafkaProbe.ownTopic(),
                r -> applicationId.equals(r.key()) && type.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), expected,
                Duration.ofSeconds(expected == 0 ? 4 : 20));
    }
}
