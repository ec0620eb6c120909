package dev.troupe.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.test.util.ReflectionTestUtils;

class QuietConsumersTest {

    private final AtomicLong now = new AtomicLong();
    private final QuietConsumers quiet = new QuietConsumers(now::get);
    private final SimpleMessageListenerContainer container = new SimpleMessageListenerContainer();

    @Test
    void aBusyContainerWaitsShortAQuietOneLongAndShortAgainFromItsNextMessage() {
        quiet.watch(container, Duration.ofMillis(5));
        assertThat(receiveTimeout()).isEqualTo(5);

        advance(Duration.ofMillis(900));
        quiet.tick();
        assertThat(receiveTimeout()).as("not quiet for long enough yet").isEqualTo(5);

        advance(Duration.ofMillis(200));
        quiet.tick();
        assertThat(receiveTimeout()).as("quiet for over a second").isEqualTo(1000);

        receive();
        assertThat(receiveTimeout()).as("the gathering after a message waits short").isEqualTo(5);
        advance(Duration.ofMillis(500));
        quiet.tick();
        assertThat(receiveTimeout()).isEqualTo(5);
    }

    @Test
    void messagesKeepAContainerBusy() {
        quiet.watch(container, Duration.ofMillis(5));
        for (int i = 0; i < 10; i++) {
            advance(Duration.ofMillis(400));
            receive();
            quiet.tick();
            assertThat(receiveTimeout()).isEqualTo(5);
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @SuppressWarnings("unchecked")
    private void receive() {
        Message message = new Message(new byte[0], new MessageProperties());
        ((Collection<MessagePostProcessor>) ReflectionTestUtils.getField(container, "afterReceivePostProcessors"))
            .forEach(processor -> processor.postProcessMessage(message));
    }

    private long receiveTimeout() {
        return (long) ReflectionTestUtils.getField(container, "receiveTimeout");
    }
}
