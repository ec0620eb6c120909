package dev.troupe.messaging.asyncapi.internal;

import dev.troupe.messaging.asyncapi.Publishes;
import dev.troupe.messaging.asyncapi.AsyncApiDocument;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;

/** The document's beans and their conditions, and what the document says of a shop's messaging. */
class AsyncApiAutoConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, AsyncApiAutoConfiguration.class))
        .withUserConfiguration(ParcelShop.Beans.class)
        .withPropertyValues("spring.application.name=parcel-shop");

    @Test
    void aProcessHasItsDocumentByDefaultAndNoEndpointOutsideAWebApplication() {
        contexts.run(context -> {
            assertThat(context).hasSingleBean(AsyncApiDocument.class).doesNotHaveBean(AsyncApiEndpoint.class);
            JsonNode info = context.getBean(AsyncApiDocument.class).tree().get("info");
            assertThat(info.get("title").asString()).isEqualTo("parcel-shop");
            assertThat(info.get("version").asString()).isEqualTo("unversioned");
        });
    }

    @Test
    void switchedOffThereIsNone() {
        contexts.withPropertyValues("troupe.messaging.asyncapi.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(AsyncApiDocument.class));
    }

    @Test
    void titleVersionAndDescriptionAreTheSettingsWhereSet() {
        contexts.withPropertyValues("troupe.messaging.asyncapi.title=Shop", "troupe.messaging.asyncapi.version=1.2.3",
                "troupe.messaging.asyncapi.description=The shop's messages")
            .run(context -> assertThat(context.getBean(AsyncApiDocument.class).tree().get("info").toString())
                .isEqualTo("{\"title\":\"Shop\",\"version\":\"1.2.3\",\"description\":\"The shop's messages\"}"));
    }

    @Test
    void aServletApplicationServesItAtAsyncApiJson() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                WebMvcAutoConfiguration.class, AsyncApiAutoConfiguration.class))
            .withUserConfiguration(ParcelShop.Beans.class)
            .run(context -> {
                assertThat(context).hasSingleBean(AsyncApiEndpoint.class);
                MockMvc http = MockMvcBuilders.webAppContextSetup(context).build();
                http.perform(get("/asyncapi.json")).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.asyncapi").value("3.0.0"))
                    .andExpect(jsonPath("$.channels.shop_dispatch_queue.address").value(ParcelShop.DISPATCH_QUEUE));
            });
    }

    /** Where publishers send: a routing key of the exchange, with its messages and the exchange's declaration. */
    @Test
    void eachRoutingKeyBoundOrPublishedIsAChannelOfItsExchange() {
        contexts.run(context -> {
            JsonNode document = context.getBean(AsyncApiDocument.class).tree();
            JsonNode shipped = document.get("channels").get("parcel_shipped");
            assertThat(shipped.get("address").asString()).isEqualTo("parcel_shipped");
            assertThat(shipped.get("messages").propertyNames()).containsExactly("ParcelShipped");
            assertThat(shipped.get("bindings").get("amqp").toString()).isEqualTo("{\"is\":\"routingKey\",\"exchange\":"
                + "{\"name\":\"shop_exchange\",\"type\":\"direct\",\"durable\":true,\"autoDelete\":false,\"vhost\":\"/\"},"
                + "\"bindingVersion\":\"0.3.0\"}");
            assertThat(document.get("channels").propertyNames()).doesNotContain("parcel_lost")
                .noneMatch(channel -> channel.startsWith("shop.replies"));
            JsonNode send = document.get("operations").get("send-parcel_shipped");
            assertThat(send.get("action").asString()).isEqualTo("send");
            assertThat(send.get("channel").get("$ref").asString()).isEqualTo("#/channels/parcel_shipped");
            assertThat(send.get("summary").asString()).isEqualTo("Published by Shipping");
        });
    }

    /** Where consumers receive: every queue, with what its bindings bring, and who consumes it here. */
    @Test
    void eachQueueIsAChannelWithTheMessagesItsBindingsBring() {
        contexts.run(context -> {
            JsonNode channels = context.getBean(AsyncApiDocument.class).tree().get("channels");
            assertThat(channels.get(ParcelShop.AUDIT_QUEUE).get("messages").propertyNames())
                .containsExactly("ParcelReturned", "ParcelShipped");
            assertThat(channels.get(ParcelShop.AUDIT_QUEUE).get("description").asString())
                .contains("bound to `shop_exchange` with `parcel_shipped`, `parcel_returned`")
                .contains("consumed by another");
            assertThat(channels.get(ParcelShop.AUDIT_QUEUE).get("bindings").get("amqp").get("queue").toString())
                .isEqualTo("{\"name\":\"shop_audit_queue\",\"durable\":true,\"exclusive\":false,\"autoDelete\":false,"
                    + "\"vhost\":\"/\"}");
            assertThat(channels.get(ParcelShop.DISPATCH_QUEUE).get("description").asString())
                .contains("Consumed here by `dispatch` (Dispatch)");
            assertThat(channels.get(ParcelShop.DISPATCH_QUEUE + ".parked").get("description").asString())
                .contains("Where the consumer of `shop_dispatch_queue` parks what it cannot process");
        });
    }

    /** A subscriber's handler that returns a record answers to reply_to; a listener says what it answers with. */
    @Test
    void consumersReceiveFromTheirQueueAndAnswerToReplyTo() {
        contexts.run(context -> {
            JsonNode document = context.getBean(AsyncApiDocument.class).tree();
            assertThat(document.get("operations").propertyNames()).containsExactlyInAnyOrder("receive-dispatch",
                "receive-parcel-desk", "send-parcel_returned", "send-parcel_shipped", "request-parcel_status_queue");
            JsonNode dispatch = document.get("operations").get("receive-dispatch");
            assertThat(dispatch.get("action").asString()).isEqualTo("receive");
            assertThat(refs(dispatch.get("messages"))).containsExactly(
                "#/channels/shop_dispatch_queue/messages/ParcelReturned", "#/channels/shop_dispatch_queue/messages/ParcelShipped");
            assertThat(dispatch.get("bindings").get("amqp").get("ack").asBoolean()).isTrue();
            assertThat(dispatch.get("reply").get("address").get("location").asString()).isEqualTo("$message.header#/reply_to");
            assertThat(refs(dispatch.get("reply").get("messages")))
                .containsExactly("#/channels/shop_dispatch_queue-reply/messages/Refund");
            assertThat(document.get("channels").get("shop_dispatch_queue-reply").get("address").isNull()).isTrue();

            JsonNode desk = document.get("operations").get("receive-parcel-desk");
            assertThat(refs(desk.get("messages"))).containsExactly("#/channels/parcel_status_queue/messages/ParcelQuery");
            assertThat(refs(desk.get("reply").get("messages")))
                .containsExactly("#/channels/parcel_status_queue-reply/messages/ParcelStatus");
        });
    }

    @Test
    void aRequestIsSentToItsQueueWithAReply() {
        contexts.run(context -> {
            JsonNode document = context.getBean(AsyncApiDocument.class).tree();
            JsonNode request = document.get("operations").get("request-parcel_status_queue");
            assertThat(request.get("action").asString()).isEqualTo("send");
            assertThat(request.get("channel").get("$ref").asString()).isEqualTo("#/channels/parcel_status_queue");
            assertThat(request.get("reply").get("channel").get("$ref").asString())
                .isEqualTo("#/channels/parcel_status_queue-reply");
            JsonNode query = document.get("components").get("messages").get("ParcelQuery");
            assertThat(query.get("headers").get("properties").propertyNames()).contains("reply_to", "correlation_id");
        });
    }

    /** A message: its payload the record's schema, its headers the AMQP properties (the type its routing key). */
    @Test
    void aMessageHasItsPayloadsSchemaAndTheMachinerysHeaders() {
        contexts.run(context -> {
            JsonNode components = context.getBean(AsyncApiDocument.class).tree().get("components");
            JsonNode shipped = components.get("messages").get("ParcelShipped");
            assertThat(shipped.get("name").asString()).isEqualTo("parcel_shipped");
            assertThat(shipped.get("payload").get("$ref").asString()).isEqualTo("#/components/schemas/ParcelShipped");
            assertThat(shipped.get("headers").get("properties").get("type").get("const").asString()).isEqualTo("parcel_shipped");
            assertThat(shipped.get("bindings").get("amqp").get("messageType").asString()).isEqualTo("parcel_shipped");
            assertThat(components.get("schemas").get("ParcelShipped").get("required").toString()).isEqualTo("[\"parcel\"]");
            assertThat(components.get("messages").propertyNames())
                .containsExactly("ParcelQuery", "ParcelReturned", "ParcelShipped", "ParcelStatus", "Refund");
        });
    }

    @Test
    void aPublishedTypeWithoutARouteIsRefused() {
        contexts.withBean(Unrouted.class).run(context -> {
            AsyncApiDocument document = context.getBean(AsyncApiDocument.class);
            org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(document::bytes)
                .withMessageContaining("ParcelQuery, which names no @Route");
        });
    }

    @Publishes(ParcelShop.ParcelQuery.class)
    static class Unrouted {
    }

    private static List<String> refs(JsonNode array) {
        return array.valueStream().map(ref -> ref.get("$ref").asString()).toList();
    }
}
