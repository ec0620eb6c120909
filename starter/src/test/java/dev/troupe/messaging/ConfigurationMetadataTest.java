package dev.troupe.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata the build writes from the settings records, which an IDE reads to
 * complete and describe the starter's properties: every one there, each with a description.
 */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyOfTheStarterIsDescribedWithItsDefault() throws Exception {
        JsonNode metadata;
        try (InputStream file = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(file).as("the configuration processor's output").isNotNull();
            metadata = JsonMapper.builder().build().readTree(file);
        }
        List<String> undescribed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            names.add(property.get("name").asString());
            if (property.path("description").asString("").isBlank()) {
                undescribed.add(property.get("name").asString());
            }
        }
        assertThat(names).contains("troupe.messaging.batch.size", "troupe.messaging.retry.give-up-after",
            "troupe.messaging.queue-type", "troupe.messaging.schema.outbox-table", "troupe.outbox.poll-interval",
            "troupe.outbox.relay-threads");
        assertThat(undescribed).isEmpty();
        assertThat(defaultOf(metadata, "troupe.messaging.batch.size")).isEqualTo("50");
        assertThat(defaultOf(metadata, "troupe.messaging.retry.give-up-after")).isEqualTo("2h");
    }

    private static String defaultOf(JsonNode metadata, String name) {
        for (JsonNode property : metadata.get("properties")) {
            if (property.get("name").asString().equals(name)) {
                return property.path("defaultValue").asString();
            }
        }
        return null;
    }
}
