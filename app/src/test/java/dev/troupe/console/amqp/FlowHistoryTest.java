package dev.troupe.console.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.json.JsonMapper;

/** What the live flow keeps for a page that opens later: this process's sends while no tap runs, and the tap's. */
class FlowHistoryTest {

    private static final Map<String, List<String>> ROUTES = Map.of("event_exchange", List.of("create_user", "user_created"));
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aMessageSentWhileNoTapRunsIsKeptWithItsUserAndAddressReadFromItsBody() {
        FlowHistory history = new FlowHistory(10, () -> ROUTES, json);

        history.sent("event_exchange", "user_created", message("m1", "c1", "{\"user_id\":\"u1\",\"email\":\"ada@example.com\"}"));

        assertThat(history.recent()).singleElement().satisfies(seen -> {
            assertThat(seen.routingKey()).isEqualTo("user_created");
            assertThat(seen.messageId()).isEqualTo("m1");
            assertThat(seen.correlationId()).isEqualTo("c1");
            assertThat(seen.userId()).isEqualTo("u1");
            assertThat(seen.email()).isEqualTo("ada@example.com");
        });
    }

    @Test
    void onlyTheNewestAreKept() {
        FlowHistory history = new FlowHistory(3, () -> ROUTES, json);

        for (int i = 1; i <= 5; i++) {
            history.sent("event_exchange", "create_user", message("m" + i, null, "{}"));
        }

        assertThat(history.recent()).extracting(MessageTap.Seen::messageId).containsExactly("m3", "m4", "m5");
    }

    @Test
    void whatNoBindingOnTheMapRoutesIsNotKept() {
        FlowHistory history = new FlowHistory(10, () -> ROUTES, json);

        // a request to the users service through the default exchange, an answer to a reply queue: the tap sees neither
        history.sent("", "user_status_queue", message("m1", null, "{}"));
        history.sent("event_exchange", "no_such_key", message("m2", null, "{}"));

        assertThat(history.recent()).isEmpty();
    }

    @Test
    void whileTheTapRunsItKeepsItsOwnCopyAndTheSentOneIsNotKept() {
        FlowHistory history = new FlowHistory(10, () -> ROUTES, json);
        history.binding();
        history.tapping(true);

        history.sent("event_exchange", "create_user", message("m1", null, "{}"));
        history.tapped(tapped("m1"));

        assertThat(history.recent()).extracting(MessageTap.Seen::messageId).containsExactly("m1");
    }

    @Test
    void aMessageSentWhileTheTapWasBindingIsKeptOnceWhenTheTapDeliversItToo() {
        FlowHistory history = new FlowHistory(10, () -> ROUTES, json);
        history.sent("event_exchange", "create_user", message("before", null, "{}"));
        history.binding();
        history.sent("event_exchange", "create_user", message("m1", null, "{\"email\":\"ada@example.com\"}"));
        history.tapping(true);

        history.tapped(tapped("m1"));

        assertThat(history.recent()).extracting(MessageTap.Seen::messageId).containsExactly("before", "m1");
    }

    @Test
    void aBodyTooLargeToKeepLeavesItsIdsAndSize() {
        FlowHistory history = new FlowHistory(10, () -> ROUTES, json);
        String large = "{\"email\":\"ada@example.com\",\"padding\":\"" + "x".repeat(FlowHistory.BODY_KEPT) + "\"}";

        history.sent("event_exchange", "create_user", message("m1", null, large));

        assertThat(history.recent()).singleElement().satisfies(seen -> {
            assertThat(seen.messageId()).isEqualTo("m1");
            assertThat(seen.email()).isNull();
            assertThat(seen.bytes()).isEqualTo(large.length());
        });
    }

    @Test
    void noneKeptWhenTheSizeIsZero() {
        FlowHistory history = new FlowHistory(0, () -> ROUTES, json);

        history.sent("event_exchange", "create_user", message("m1", null, "{}"));
        history.tapped(tapped("m2"));

        assertThat(history.recent()).isEmpty();
    }

    private static Message message(String id, String correlationId, String body) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(id);
        properties.setCorrelationId(correlationId);
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }

    private static MessageTap.Seen tapped(String id) {
        return new MessageTap.Seen(Instant.now(), "event_exchange", "create_user", id, null, null, null, 2);
    }
}
