package dev.troupe.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.AsyncApiParser;
import dev.troupe.support.RawHttp;
import dev.troupe.support.TroupeIT;
import dev.troupe.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The AsyncAPI document of the process that runs every service, over real HTTP: the seed's
 * exchange and routing keys, every consumer's queue, the user-status request/reply, the payloads as
 * they are on the wire (snake_case), and valid by the AsyncAPI project's own parser.
 */
class AsyncApiDocumentIT extends TroupeIT {

    @Test
    void theDocumentIsValidAsyncApiByTheProjectsOwnParser() throws Exception {
        String said = AsyncApiParser.validate(written(http.get().uri("/asyncapi.json").exchange().expectStatus().isOk()
            .returnResult(String.class).getResponseBody(), "troupe.json"));

        assertThat(said).contains("valid AsyncAPI 3.0.0").doesNotContain("error ");
    }

    /** As the OpenAPI document is: no login, from any host, whatever page asks. */
    @Test
    void anyoneMayReadIt() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/asyncapi.json", null, "Host: troupe.example.com",
            "Origin: https://elsewhere.example");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(answer.contentType()).isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(json.readTree(answer.body()).get("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void itIsTroupesWithItsVersion() {
        JsonNode info = document().get("info");
        assertThat(info.get("title").asString()).isEqualTo("Troupe");
        assertThat(info.get("version").asString()).isNotBlank().doesNotContain("@", "$").isNotEqualTo("unversioned");
        assertThat(info.get("description").asString()).contains("running every service");
    }

    /** Where the users service publishes: the routing key of the seed's direct exchange. */
    @Test
    void userCreatedIsARoutingKeyOfTheEventExchange() {
        JsonNode document = document();
        JsonNode channel = document.get("channels").get(Topology.USER_CREATED);
        assertThat(channel.get("address").asString()).isEqualTo(Topology.USER_CREATED);
        assertThat(channel.get("messages").propertyNames()).containsExactly("UserCreated");
        JsonNode amqp = channel.get("bindings").get("amqp");
        assertThat(amqp.get("is").asString()).isEqualTo("routingKey");
        assertThat(amqp.get("exchange").get("name").asString()).isEqualTo(Topology.EXCHANGE);
        assertThat(amqp.get("exchange").get("type").asString()).isEqualTo("direct");
        assertThat(amqp.get("exchange").get("durable").asBoolean()).isTrue();
        JsonNode send = document.get("operations").get("send-" + Topology.USER_CREATED);
        assertThat(send.get("action").asString()).isEqualTo("send");
        assertThat(send.get("summary").asString()).isEqualTo("Published by UserService");
        assertThat(document.get("components").get("messages").get("UserCreated").get("headers").get("properties")
            .get("type").get("const").asString()).isEqualTo(Topology.USER_CREATED);
    }

    /** Every consumer's queue a channel of its own, durable, each with its receive operation; no reply queue. */
    @Test
    void everySubscribersQueueIsAChannelItReceivesFrom() {
        JsonNode document = document();
        JsonNode channels = document.get("channels");
        for (String queue : List.of(Topology.CREATE_USER_OPERATION_QUEUE, Topology.DELETE_USER_OPERATION_QUEUE,
            Topology.USER_CREATED_MAIL_QUEUE, Topology.COUPONS_QUEUE, Topology.GATEWAY_REQUESTS_QUEUE, Topology.USER_STATUS_QUEUE)) {
            JsonNode amqp = channels.get(queue).get("bindings").get("amqp");
            assertThat(amqp.get("is").asString()).as(queue).isEqualTo("queue");
            assertThat(amqp.get("queue").get("name").asString()).isEqualTo(queue);
            assertThat(amqp.get("queue").get("durable").asBoolean()).as(queue).isTrue();
            assertThat(channels.get(queue + ".parked")).as(queue + "'s parking queue").isNotNull();
        }
        assertThat(channels.get(Topology.COUPONS_QUEUE).get("messages").propertyNames())
            .containsExactly("UserCreated", "UserDeleted");
        assertThat(channels.propertyNames()).noneMatch(channel -> channel.startsWith("troupe.replies"));
        assertThat(document.get("operations").propertyNames()).contains("receive-user-commands",
            "receive-user-commands.delete", "receive-mailer.user-created", "receive-coupons", "receive-gateway.requests",
            "receive-users.status");
        assertThat(document.get("operations").get("receive-coupons").get("channel").get("$ref").asString())
            .isEqualTo("#/channels/" + Topology.COUPONS_QUEUE);
    }

    /** The mailer asks user_status_queue with reply_to and a correlation id; the users service answers there. */
    @Test
    void theUserStatusQueryIsAnsweredByAReplyToTheAsker() {
        JsonNode operations = document().get("operations");
        JsonNode answer = operations.get("receive-users.status");
        assertThat(answer.get("channel").get("$ref").asString()).isEqualTo("#/channels/" + Topology.USER_STATUS_QUEUE);
        assertThat(refs(answer.get("messages"))).containsExactly("#/channels/user_status_queue/messages/UserStatusQuery");
        assertThat(answer.get("reply").get("address").get("location").asString()).isEqualTo("$message.header#/reply_to");
        assertThat(refs(answer.get("reply").get("messages"))).containsExactly(
            "#/channels/user_status_queue-reply/messages/UserStatus", "#/channels/user_status_queue-reply/messages/UserStatuses");

        JsonNode ask = operations.get("request-" + Topology.USER_STATUS_QUEUE);
        assertThat(ask.get("action").asString()).isEqualTo("send");
        assertThat(ask.get("summary").asString()).contains("UserCreatedMailListener");
        assertThat(ask.get("reply").get("channel").get("$ref").asString()).isEqualTo("#/channels/user_status_queue-reply");
        assertThat(document().get("components").get("messages").get("UserStatusQuery").get("headers").get("properties")
            .propertyNames()).contains("reply_to", "correlation_id");
        // the gateway's create_user with reply_to, answered by the user-commands subscriber with its outcome
        assertThat(refs(operations.get("receive-user-commands").get("reply").get("messages")))
            .containsExactly("#/channels/create_user_operation_queue-reply/messages/RegistrationOutcome");
        assertThat(operations.get("request-" + Topology.CREATE_USER).get("reply")).isNotNull();
    }

    /** The payloads as they travel: the contract's snake_case, what is required, the rules of a registration. */
    @Test
    void thePayloadsAreTheRecordsSchemasAsOnTheWire() {
        JsonNode schemas = document().get("components").get("schemas");
        JsonNode created = schemas.get("UserCreated");
        assertThat(created.get("properties").propertyNames())
            .containsExactly("event_id", "user_id", "name", "email", "occurred_at");
        assertThat(created.get("properties").get("user_id").get("format").asString()).isEqualTo("uuid");
        assertThat(created.get("required").valueStream().map(JsonNode::asString).toList())
            .containsExactly("event_id", "user_id", "name", "email");
        JsonNode register = schemas.get("CreateUser");
        assertThat(register.get("required").valueStream().map(JsonNode::asString).toList()).containsExactly("name", "email");
        assertThat(register.get("properties").get("name").get("maxLength").asInt()).isEqualTo(100);
        assertThat(register.get("properties").get("name").get("minLength").asInt()).isEqualTo(1);
        assertThat(schemas.get("UserStatusQuery").get("properties").get("user_ids").get("maxItems").asInt()).isEqualTo(1000);
        // a record of the application's own, without @JsonNaming, named as its mapper writes it (spring.jackson.*)
        assertThat(schemas.get("RegistrationOutcome").get("properties").get("user").get("properties").propertyNames())
            .contains("id", "name", "email").allMatch(name -> name.matches("[a-z0-9_]+"));
        schemas.forEachEntry((name, schema) -> assertThat(schema.path("properties").propertyNames())
            .as(name + " names its properties as they are sent").allMatch(property -> property.matches("[a-z0-9_]+")));
    }

    /** It is no API of the services: the OpenAPI document does not list it, the console links it. */
    @Test
    void theConsoleLinksItAndTheOpenApiDocumentLeavesItOut() {
        assertThat(json.readTree(http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
            .returnResult(String.class).getResponseBody()).get("paths").propertyNames()).doesNotContain("/asyncapi.json");
        assertThat(http.get().uri("/").exchange().expectStatus().isOk().returnResult(String.class).getResponseBody())
            .contains("href=\"/asyncapi.json\"");
    }

    private JsonNode document() {
        return json.readTree(http.get().uri("/asyncapi.json").exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .returnResult(String.class).getResponseBody());
    }

    /** Kept under target/, for a person or a tool to read after the run. */
    static Path written(String document, String name) throws java.io.IOException {
        Path file = Path.of("target", "asyncapi", name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, document);
    }

    static List<String> refs(JsonNode array) {
        return array.valueStream().map(ref -> ref.get("$ref").asString()).toList();
    }
}
