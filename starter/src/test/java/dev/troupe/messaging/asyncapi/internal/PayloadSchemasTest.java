package dev.troupe.messaging.asyncapi.internal;


import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troupe.messaging.api.Route;
import dev.troupe.messaging.api.RoutedEvent;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/** A record's JSON Schema: its components' types, what is required, its constraints, its JSON names. */
class PayloadSchemasTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    /** Named by its own annotation, whatever the mapper's naming: the contract's, as an event module has it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Route(exchange = "shop_exchange", key = "parcel_booked")
    record ParcelBooked(@NotNull UUID eventId, @NotBlank @Size(max = 40) String parcelCode, @Email String contactEmail,
                        @Pattern(regexp = "[A-Z]{2}") String countryCode, @NotEmpty @Size(max = 3) List<String> labels,
                        @Min(1) @Max(30_000) int weightGrams, Instant bookedAt) implements RoutedEvent {
    }

    /** Named by the mapper's strategy, but where a component names itself. */
    record ParcelQuery(String parcelCode, @JsonProperty("ref") String customerReference) {
    }

    record Crate(List<ParcelQuery> queries, ParcelQuery first, Map<String, Integer> counts) {
    }

    @Test
    void aRecordsComponentsConstraintsAndJsonNamingMakeItsSchema() {
        PayloadSchemas.Schemas schemas = new PayloadSchemas(PLAIN).of(List.of(ParcelBooked.class));

        assertThat(schemas.references().get(ParcelBooked.class)).isEqualTo(json("""
            {"$ref": "#/components/schemas/ParcelBooked"}"""));
        // as text read again: the generator writes its bounds as decimals, which equal the text's integers only so
        assertThat(json(schemas.definitions().get("ParcelBooked").toString())).isEqualTo(json("""
            {
              "type": "object",
              "properties": {
                "event_id": {"type": "string", "format": "uuid"},
                "parcel_code": {"type": "string", "minLength": 1, "maxLength": 40},
                "contact_email": {"type": ["string", "null"], "format": "email"},
                "country_code": {"type": ["string", "null"], "pattern": "[A-Z]{2}"},
                "labels": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 3},
                "weight_grams": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 30000},
                "booked_at": {"type": ["string", "null"], "format": "date-time"}
              },
              "required": ["event_id", "parcel_code", "labels", "weight_grams"]
            }"""));
    }

    @Test
    void aRecordWithoutJsonNamingIsNamedAsTheApplicationsMapperWritesIt() {
        JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

        assertThat(new PayloadSchemas(snakeCase).of(List.of(ParcelQuery.class)).definitions().get("ParcelQuery")
            .get("properties").propertyNames()).containsExactly("parcel_code", "ref");
        assertThat(new PayloadSchemas(PLAIN).of(List.of(ParcelQuery.class)).definitions().get("ParcelQuery")
            .get("properties").propertyNames()).containsExactly("parcelCode", "ref");
    }

    /** Where the mapper reads a missing primitive as its default, it may be missing. */
    @Test
    void aPrimitiveIsRequiredOnlyWhereTheMapperRefusesItMissing() {
        JsonMapper lenient = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

        assertThat(new PayloadSchemas(lenient).of(List.of(ParcelBooked.class)).definitions().get("ParcelBooked")
            .get("required")).isEqualTo(json("""
                ["event_id", "parcel_code", "labels"]"""));
    }

    /** A type nested in two places is a definition of its own, and every name is fit for a component key. */
    @Test
    void nestedTypesAreReferencedByKeysAsyncApiAllows() {
        PayloadSchemas.Schemas schemas = new PayloadSchemas(PLAIN).of(List.of(Crate.class));

        assertThat(schemas.definitions().propertyNames()).contains("Crate", "ParcelQuery")
            .allMatch(name -> name.matches("[A-Za-z0-9._-]+"));
        assertThat(schemas.definitions().get("Crate").get("properties").get("queries").get("items"))
            .isEqualTo(json("""
                {"$ref": "#/components/schemas/ParcelQuery"}"""));
    }

    private static JsonNode json(String text) {
        return PLAIN.readTree(text);
    }
}
