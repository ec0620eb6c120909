package dev.troupe.gateway;

import static dev.troupe.gateway.CommandPublisher.awaitTaken;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.messaging.PublishFailedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpMessageReturnedException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.ReturnedMessage;

/** When a command sent with reply_to counts as taken by the broker. */
class CommandPublisherTest {

    private static final Duration SHORT = Duration.ofMillis(100);

    private final CompletableFuture<String> reply = new CompletableFuture<>();
    private final CompletableFuture<Boolean> confirm = new CompletableFuture<>();

    @Test
    void aReplyThatBeatsTheConfirmMeansTheCommandWasTaken() {
        reply.complete("created");
        assertThatCode(() -> awaitTaken(reply, confirm, SHORT)).doesNotThrowAnyException();
    }

    @Test
    void aPositiveConfirmMeansTheCommandWasTaken() {
        confirm.complete(true);
        assertThatCode(() -> awaitTaken(reply, confirm, SHORT)).doesNotThrowAnyException();
    }

    @Test
    void aNegativeConfirmIsAFailedPublish() {
        confirm.complete(false);
        assertThatThrownBy(() -> awaitTaken(reply, confirm, SHORT))
            .isInstanceOf(PublishFailedException.class).hasMessageContaining("refused");
    }

    @Test
    void neitherConfirmNorReplyInTimeIsAFailedPublish() {
        assertThatThrownBy(() -> awaitTaken(reply, confirm, SHORT))
            .isInstanceOf(PublishFailedException.class).hasMessageContaining("no confirm");
    }

    @Test
    void aReturnedCommandIsLeftToTheReaderOfTheReply() {
        Message command = new Message(new byte[0]);
        reply.completeExceptionally(new AmqpMessageReturnedException("returned",
            new ReturnedMessage(command, 312, "NO_ROUTE", "event_exchange", "create_user")));
        assertThatCode(() -> awaitTaken(reply, confirm, SHORT)).doesNotThrowAnyException();
    }

    @Test
    void aReplyCancelledBeforeAnyConfirmIsAFailedPublish() {
        reply.cancel(true);
        assertThatThrownBy(() -> awaitTaken(reply, confirm, SHORT)).isInstanceOf(PublishFailedException.class);
    }
}
