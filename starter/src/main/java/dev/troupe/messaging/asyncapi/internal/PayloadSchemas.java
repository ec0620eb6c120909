package dev.troupe.messaging.asyncapi.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.DefinitionKey;
import com.github.victools.jsonschema.generator.naming.DefaultSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.generator.naming.SchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of message records, as the application's {@code JsonMapper} writes and reads
 * them, by victools' jsonschema-generator (5.x, on Jackson 3): a record's components with their
 * JSON types and formats ({@code UUID} a {@code uuid} string, {@code Instant} a {@code date-time}),
 * its Jackson names ({@code @JsonNaming}, {@code @JsonProperty}, else the mapper's naming strategy),
 * and its Jakarta Validation constraints ({@code @NotBlank}: required, {@code minLength} 1;
 * {@code @Size}, {@code @Email}, {@code @Pattern} ...). A component without a not-null constraint
 * may be absent or null (the mapper writes nulls); a primitive one must be there where the mapper
 * refuses a missing primitive, as Jackson 3 does by default.
 */
final class PayloadSchemas {

    /** Where the definitions go in the document, and so what the references point at. */
    static final String DEFINITIONS = "components/schemas";

    private final SchemaGenerator generator;

    PayloadSchemas(JsonMapper json) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(json, SchemaVersion.DRAFT_7,
            OptionPreset.PLAIN_JSON)
            .with(new JacksonSchemaModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
            .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
            .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.NULLABLE_FIELDS_BY_DEFAULT)
            // the document names AsyncAPI's version; a $schema per payload would only contradict it
            .without(Option.SCHEMA_VERSION_INDICATOR);
        // the record's own order, as it is written, rather than alphabetical
        config.forTypesInGeneral().withPropertySorter((one, other) -> 0)
            .withDefinitionNamingStrategy(new ComponentNames());
        config.forFields().withPropertyNameOverrideResolver(field -> mappersName(field, json))
            .withRequiredCheck(field -> field.getType().getErasedType().isPrimitive()
                && json.deserializationConfig().isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES));
        this.generator = new SchemaGenerator(config.build());
    }

    /** The schemas of some types: a reference to each, and the definitions the references point at. */
    record Schemas(Map<Class<?>, ObjectNode> references, ObjectNode definitions) {
    }

    /**
     * Each type gets a definition of its own (named by its simple name), as does any type nested in
     * more than one place; a type nested once is written in place.
     */
    Schemas of(Collection<Class<?>> types) {
        SchemaBuilder builder = generator.buildMultipleSchemaDefinitions();
        Map<Class<?>, ObjectNode> references = new LinkedHashMap<>();
        types.forEach(type -> references.put(type, builder.createSchemaReference(type)));
        // fills in the references too, now that every name is known
        ObjectNode definitions = builder.collectDefinitions(DEFINITIONS);
        // the generator writes a type used once in place, the reference included: a message's payload is named all the same
        references.forEach((type, reference) -> {
            if (!reference.has("$ref")) {
                String name = AsyncApiIds.unique(AsyncApiIds.of(type.getSimpleName()), definitions.propertyNames());
                definitions.set(name, reference.deepCopy());
                reference.removeAll().put("$ref", "#/" + DEFINITIONS + "/" + name);
            }
        });
        ObjectNode sorted = definitions.objectNode();
        definitions.propertyNames().stream().sorted().forEach(name -> sorted.set(name, definitions.get(name)));
        return new Schemas(references, sorted);
    }

    /**
     * The Jackson module applies {@code @JsonNaming} and {@code @JsonProperty}; a record with neither
     * is named by the mapper's own strategy ({@code spring.jackson.property-naming-strategy}), which
     * the module does not read: without this, such a record's schema would name what is not sent.
     */
    private static String mappersName(FieldScope field, JsonMapper json) {
        if (field.getAnnotationConsideringFieldAndGetter(JsonProperty.class) != null
            || field.getDeclaringType().getErasedType().isAnnotationPresent(JsonNaming.class)) {
            return null;
        }
        PropertyNamingStrategy strategy = json.serializationConfig().getPropertyNamingStrategy();
        if (strategy == null) {
            return null;
        }
        try {
            return strategy.nameForField(json.serializationConfig(), null, field.getDeclaredName());
        } catch (RuntimeException needsTheField) {
            return null; // a strategy of the application's own that reads the field itself: its declared name
        }
    }

    /**
     * Simple class names, made fit for a component's key (letters, digits, {@code .-_}): a generic
     * type's default name, {@code Map(String,Integer)}, would not be.
     */
    private static final class ComponentNames implements SchemaDefinitionNamingStrategy {

        private final SchemaDefinitionNamingStrategy names = new DefaultSchemaDefinitionNamingStrategy();

        @Override
        public String getDefinitionNameForKey(DefinitionKey key, SchemaGenerationContext context) {
            return AsyncApiIds.of(names.getDefinitionNameForKey(key, context));
        }

        @Override
        public void adjustDuplicateNames(Map<DefinitionKey, String> duplicates, SchemaGenerationContext context) {
            names.adjustDuplicateNames(duplicates, context);
            duplicates.replaceAll((key, name) -> AsyncApiIds.of(name));
        }

        @Override
        public String adjustNullableName(DefinitionKey key, String name, SchemaGenerationContext context) {
            return AsyncApiIds.of(names.adjustNullableName(key, name, context));
        }
    }
}
