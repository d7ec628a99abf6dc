package kz.gfc.consent.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The published JSON Schemas (docs/events) name exactly the fields the event records carry, all required. */
class EventSchemaTest {

    @ParameterizedTest
    @ValueSource(classes = {ConsentGranted.class, ConsentRevoked.class, ConsentExpired.class})
    void theSchemaMatchesTheRecord(Class<? extends Record> event) throws Exception {
        String type = (String) event.getField("TYPE").get(null);
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("../docs/events/" + type + ".schema.json")));
        List<String> fields = Arrays.stream(event.getRecordComponents()).map(c -> c.getName()).toList();
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        assertThat(properties).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(required).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(schema.path("properties").path("subjectPseudonym").path("pattern").asText()).isEqualTo("^p1:[0-9a-f]{64}$");
    }
}
