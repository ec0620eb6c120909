package dev.troupe.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.EventTap;
import dev.troupe.support.TroupeIT;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.core.type.TypeReference;

/**
 * A request's trace, as the console shows it: one W3C trace from the HTTP request, across the
 * broker, through the outbox and its relay, to every consumer, the user check and the mail; found by
 * the request's id and by the user's; its context in the messages' headers, where a consumer in
 * any language can take it up. A message from a publisher that sends no headers (the seed's) starts
 * its trace at the consumer; a poison message's trace ends in its failure.
 */
class TraceIT extends TroupeIT {

    private static final String TRACEPARENT = "00-([0-9a-f]{32})-[0-9a-f]{16}-01";

    @Autowired
    private AmqpAdmin admin;

    @Autowired
    private RabbitTemplate rabbit;

    @Test
    void aRegistrationIsOneTraceFromItsRequestThroughTheOutboxToEveryConsumerAndTheMail() {
        String email = uniqueEmail("traced");
        try (EventTap tap = EventTap.on(admin, rabbit, "user_created")) {
            String requestId = register(email);
            String userId = eventually().until(() -> findUserByEmail(email), user -> user != null).id().toString();

            Trace trace = eventually().until(() -> theOnly(traces(requestId)),
                found -> found.isPresent() && found.get().has("welcome mail send")
                    && found.get().has("coupons_queue receive") && found.get().has("gateway_requests_queue receive")).get();

            assertThat(trace.spans()).extracting(Span::name).contains("http post /external_users/",
                "event_exchange/create_user send", "create_user_operation_queue receive", "user_created outbox write",
                "user_created relay", "event_exchange/user_created send", "user_created_mail_queue receive", "user check");
            assertThat(trace.span("create_user_operation_queue receive").parentId())
                .isEqualTo(trace.span("event_exchange/create_user send").spanId());
            assertThat(trace.span("user_created relay").parentId()).isEqualTo(trace.span("user_created outbox write").spanId());
            for (String consumer : List.of("user_created_mail_queue", "coupons_queue", "gateway_requests_queue")) {
                assertThat(trace.span(consumer + " receive").parentId())
                    .isEqualTo(trace.span("event_exchange/user_created send").spanId());
            }
            assertThat(trace.spans()).noneMatch(Span::error);
            assertThat(theOnly(traces(userId))).map(Trace::traceId).contains(trace.traceId());

            Message event = tap.awaitCount(message -> userId.equals(userIdOf(message)), 1).get(0);
            assertThat(String.valueOf(event.getMessageProperties().getHeaders().get("traceparent")))
                .matches(TRACEPARENT).contains(trace.traceId());
        }
    }

    @Test
    void aMessageWithoutHeadersFromTheSeedsPublisherStartsItsTraceAtTheConsumer() throws Exception {
        String email = uniqueEmail("seed-traced");
        rabbit.execute(channel -> {
            channel.basicPublish("event_exchange", "create_user", null,
                ("{\"name\":\"Seed\",\"email\":\"" + email + "\"}").getBytes(StandardCharsets.UTF_8));
            return null;
        });
        String userId = eventually().until(() -> findUserByEmail(email), user -> user != null).id().toString();

        Trace trace = eventually().until(() -> theOnly(traces(userId)),
            found -> found.isPresent() && found.get().has("welcome mail send")).get();

        Span first = trace.spans().get(0);
        assertThat(first.name()).isEqualTo("create_user_operation_queue receive");
        assertThat(first.parentId()).isNull();
    }

    @Test
    void aPoisonMessagesTraceEndsInItsFailureAndItsParking() {
        String messageId = UUID.randomUUID().toString();
        sendToQueue("create_user_operation_queue", "create_user", messageId, "{\"name\":\"\",\"email\":\"nobody\"}");
        awaitParked("create_user_operation_queue", messageId);

        Trace trace = eventually().until(() -> theOnly(traces(messageId)),
            found -> found.isPresent() && found.get().has("user-commands failure")).get();

        Span failure = trace.span("user-commands failure");
        assertThat(failure.error()).isTrue();
        assertThat(failure.errorMessage()).contains("invalid create_user");
        assertThat(trace.spans()).extracting(Span::name).anyMatch(name -> name.endsWith(" send"));
    }

    private String register(String email) {
        String body = http.post().uri("/external_users/").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", "Traced", "email", email)).exchange().expectStatus().isAccepted()
            .returnResult(String.class).getResponseBody();
        return json.readTree(body).path("request_id").asString();
    }

    private List<Trace> traces(String id) {
        return read(http.get().uri("/console/traces?id={id}", id).exchange().expectStatus().isOk()
            .returnResult(String.class).getResponseBody(), new TypeReference<>() {
            });
    }

    private static Optional<Trace> theOnly(List<Trace> traces) {
        assertThat(traces).hasSizeLessThanOrEqualTo(1);
        return traces.stream().findFirst();
    }

    private String userIdOf(Message message) {
        return json.readTree(message.getBody()).path("user_id").asString();
    }

    record Trace(String traceId, List<Span> spans) {

        boolean has(String name) {
            return spans.stream().anyMatch(span -> span.name().equals(name));
        }

        Span span(String name) {
            return spans.stream().filter(span -> span.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.stream().map(Span::name).toList()));
        }
    }

    record Span(String spanId, String parentId, String name, String kind, boolean error, String errorMessage,
                Map<String, String> attributes) {
    }
}
