package kz.gfc.kit.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A CloudEvent read from Kafka, its data still as JSON. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time,
        String correlationId, JsonNode data, String topic, int partition, long offset) {

    /** Binds the data to a type; a mismatch is the producer's fault and sends the event to the DLQ. */
    public <T> T data(Class<T> type, ObjectMapper json) {
        try {
            return json.treeToValue(data, type);
        } catch (Exception e) {
            throw new UnprocessableEventException("data of " + this.type + " does not match " + type.getSimpleName()
                    + ": " + e.getMessage());
        }
    }
}
