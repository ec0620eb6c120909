package dev.troupe.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's conventions, in one place rather than on every operation: Troupe's title
 * and version; one entry per route (the routes answer with and without a trailing slash, the
 * document names the seed's form); and the problem-details answers every operation can give by
 * its shape (a body can be malformed, too large or of another type, a query parameter out of
 * range, a path id unknown). Answers particular to one operation are declared on it.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    /** The admin API's scheme: {@code troupe.admin.token} as a bearer token. */
    static final String ADMIN_TOKEN = "admin_token";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI troupeOpenApi(@Value("${troupe.version:dev}") String version) {
        return new OpenAPI().info(new Info().title("Troupe").version(version).description("""
            An event-choreographed user-management system. The users service stores users (ids are \
            time-ordered UUIDs) and publishes each change with its event in one transaction; the gateway \
            turns requests into the seed's create_user and delete_user commands on the broker and tracks \
            what became of them; the mailer and the coupons react to user_created. Every error is RFC 9457 \
            problem details (application/problem+json)."""));
    }

    @Bean
    OpenApiCustomizer troupeConventions() {
        return openApi -> {
            collapseTrailingSlashes(openApi);
            openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::snakeCase);
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getComponents().addSecuritySchemes(ADMIN_TOKEN, adminToken());
            openApi.getPaths().forEach((name, path) -> {
                if (name.startsWith("/admin/")) {
                    path.readOperations().forEach(OpenApiConfiguration::admin);
                }
            });
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(OpenApiConfiguration::byShape));
        };
    }

    private static SecurityScheme adminToken() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("""
            `troupe.admin.token`, as `Authorization: Bearer <token>`. With none configured, the admin API answers only \
            requests from this machine that name it (localhost, 127.0.0.1, [::1] in Host) and carry no other site's \
            Origin; an action (POST, PUT, PATCH, DELETE) sent by another site's page is refused either way.""");
    }

    private static void admin(Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_TOKEN));
        add(operation.getResponses(), "401", "A token is configured and the request did not carry it");
        add(operation.getResponses(), "403", "No token is configured and the request is not this machine's, "
            + "or an action sent by another site's page");
    }

    /** Keeps {@code /users/} over {@code /users} (a collection, as the seed writes it) and {@code /users/{id}} over {@code /users/{id}/}. */
    private static void collapseTrailingSlashes(OpenAPI openApi) {
        List<String> dropped = new ArrayList<>();
        for (String path : openApi.getPaths().keySet()) {
            if (path.endsWith("/") || !openApi.getPaths().containsKey(path + "/")) {
                continue;
            }
            dropped.add(path.endsWith("}") ? path + "/" : path);
        }
        dropped.forEach(openApi.getPaths()::remove);
    }

    /**
     * The JSON is snake_case (spring.jackson.property-naming-strategy), but springdoc reads the
     * records with a mapper of its own that does not know it: the document names the properties
     * as they are sent.
     */
    private static void snakeCase(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> renamed = new java.util.LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> renamed.put(snakeCase(name), property));
        schema.setProperties(renamed);
        if (schema.getRequired() != null) {
            schema.setRequired(schema.getRequired().stream().map(OpenApiConfiguration::snakeCase).toList());
        }
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static void byShape(Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
            add(responses, "400", "Malformed JSON, or invalid fields (listed in `errors`)");
            add(responses, "413", "Body larger than 16 KiB");
            add(responses, "415", "Body of a type other than JSON (a body without a Content-Type is read as JSON)");
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn()))) {
            add(responses, "400", "A query parameter missing, malformed or out of range (named in `errors`)");
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            add(responses, "404", "Nothing with that id (an id of the wrong form names nothing either)");
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
    }

    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("The field or query parameter, as the client named it"));
        error.addProperty("message", new StringSchema().description("What is wrong with it"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.setProperties(new java.util.LinkedHashMap<>(Map.of(
            "type", new StringSchema().description("A URI naming the kind of problem; about:blank for plain HTTP statuses"),
            "title", new StringSchema().description("A short summary of the kind of problem"),
            "status", new IntegerSchema().description("The HTTP status code"),
            "detail", new StringSchema().description("What went wrong with this request"),
            "instance", new StringSchema().description("The path of the request"),
            "errors", new ArraySchema().items(error).description("For 400: every invalid field or parameter"),
            "request_id", new StringSchema().description("For a rejected registration: the gateway's request id"))));
        return problem;
    }
}
