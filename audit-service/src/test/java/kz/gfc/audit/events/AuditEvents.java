package kz.gfc.audit.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.gfc.audit.domain.AuditRecord;
import kz.gfc.kit.audit.AuditRecorded;
import kz.gfc.kit.testing.KafkaProbe;
import kz.gfc.kit.testing.MetricsProbe;

/** AuditRecorded as another service (rating-service) would send it, with a resource id unique to the test. */
final class AuditEvents {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private AuditEvents() {
    }

    static AuditRecorded byRatingService(String resourceId, String action) {
        return new AuditRecorded(UUID.randomUUID().toString(), "rating-service", "citizen-" + resourceId,
                List.of("citizen"), action, "POST", "/api/v1/ratings", "ratings", resourceId, "SUCCEEDED", 201,
                Instant.now(), "corr-" + resourceId, "127.0.0.1");
    }

    /** CloudEvent binary-mode headers with a fresh ce_id. */
    static Map<String, String> ce(String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/gfc/test", "content-type", "application/json");
    }

    static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an AuditRecorded as a producer would; returns its ce_id. */
    static String send(String key, AuditRecorded event) {
        Map<String, String> headers = ce(AuditRecorded.TYPE);
        KafkaProbe.send(KafkaProbe.auditTopic(), key, headers, json(event));
        return headers.get("ce_id");
    }

    static long stored(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditRecord.count("eventId", eventId));
    }

    /** gfc.dlq.audit-service.v1, as service-kit names it for every incoming channel; in tests a topic of the run's own. */
    static String deadLetterTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic",
                String.class);
    }

    /** gfc_events_consumed_total for the audit topic and one result; 0 before the first such event. */
    static double consumed(String result) {
        double v = MetricsProbe.value("gfc_events_consumed_total", "result=\"" + result + "\"",
                "topic=\"" + KafkaProbe.auditTopic() + "\"");
        return Double.isNaN(v) ? 0 : v;
    }
}
