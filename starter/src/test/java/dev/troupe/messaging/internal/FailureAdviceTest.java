package dev.troupe.messaging.internal;

import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.PermanentMessageFailure;
import dev.troupe.messaging.RpcTimeoutException;


import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mail.MailSendException;

class FailureAdviceTest {

    private static final MessagingSettings.Retry RETRY =
        new MessagingSettings.Retry(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), Duration.ofHours(2));
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void countsAttemptsFromTheHeadersAndKeepsTheFirstFailure() {
        Message first = new Message(new byte[0]);
        FailureAdvice.Retrying once = FailureAdvice.Retrying.after(first, new MailSendException("down"), NOW);
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.firstFailedAt()).isEqualTo(NOW);

        Map<String, Object> headers = new HashMap<>();
        once.writeTo(headers);
        Message again = new Message(new byte[0]);
        again.getMessageProperties().getHeaders().putAll(headers);
        FailureAdvice.Retrying twice = FailureAdvice.Retrying.after(again, new MailSendException("down"), NOW.plusSeconds(60));
        assertThat(twice.attempts()).isEqualTo(2);
        assertThat(twice.firstFailedAt()).isEqualTo(NOW);
        assertThat(twice.lastError()).isEqualTo("down");
    }

    @Test
    void givesUpOnlyAfterTheConfiguredPeriod() {
        FailureAdvice.Retrying state = new FailureAdvice.Retrying(30, NOW, "down");
        assertThat(state.givenUp(RETRY, NOW.plus(Duration.ofMinutes(119)))).isFalse();
        assertThat(state.givenUp(RETRY, NOW.plus(Duration.ofHours(2)))).isTrue();
    }

    @Test
    void anUnreadableFirstFailureHeaderCountsFromNow() {
        Message message = new Message(new byte[0]);
        message.getMessageProperties().setHeader(FailureAdvice.FIRST_FAILED_AT, "yesterday");
        message.getMessageProperties().setHeader(FailureAdvice.ATTEMPTS, "many");
        FailureAdvice.Retrying state = FailureAdvice.Retrying.after(message, new MailSendException("x"), NOW);
        assertThat(state.firstFailedAt()).isEqualTo(NOW);
        assertThat(state.attempts()).isEqualTo(1);
    }

    @Test
    void delaysGrowExponentiallyWithJitterUpToTheCap() {
        Duration first = FailureAdvice.delayBefore(1, RETRY);
        Duration fifth = FailureAdvice.delayBefore(5, RETRY);
        Duration fiftieth = FailureAdvice.delayBefore(50, RETRY);
        assertThat(first).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
        assertThat(fifth).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(24));
        assertThat(fiftieth).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
    }

    @Test
    void classifiesFailures() {
        Message message = new Message(new byte[0]);
        assertThat(FailureAdvice.isPermanent(failed(message, new MessageConversionException("bad json")))).isTrue();
        assertThat(FailureAdvice.isPermanent(failed(message, new PermanentMessageFailure("no")))).isTrue();
        assertThat(FailureAdvice.isPermanent(failed(message, new DataIntegrityViolationException("too long")))).isTrue();
        assertThat(FailureAdvice.isPermanent(failed(message, new DuplicateKeyException("race")))).isFalse();
        assertThat(FailureAdvice.isPermanent(failed(message, new MailSendException("smtp down")))).isFalse();
        assertThat(FailureAdvice.isPermanent(failed(message, new RpcTimeoutException("q", Duration.ofSeconds(1))))).isFalse();
    }

    @Test
    void parksOnlyWhatTheDatabaseRefusesToStore() {
        assertThat(FailureAdvice.isRefusedByTheDatabase(new IllegalStateException("wrapped",
            new DataIntegrityViolationException("value too long")))).isTrue();
        assertThat(FailureAdvice.isRefusedByTheDatabase(new DuplicateKeyException("race"))).isFalse();
        assertThat(FailureAdvice.isRefusedByTheDatabase(new org.springframework.transaction.CannotCreateTransactionException(
            "down", new java.sql.SQLTransientConnectionException("timeout")))).isFalse();
        assertThat(FailureAdvice.isRefusedByTheDatabase(
            new CannotGetJdbcConnectionException("down", new SQLException("refused")))).isFalse();
    }

    private static ListenerExecutionFailedException failed(Message message, Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", cause, message);
    }
}
