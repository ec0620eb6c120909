package dev.troupe.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import org.apache.commons.logging.Log;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.support.ConditionalExceptionLogger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test that publishes to an exchange it made sure does not exist expects the broker to close the
 * channel with a 404; the connection factory logs every channel closed by the broker at ERROR,
 * rightly so in the application, where it means a topology bug. In the tests that one close, and
 * only it, recognised by the exchange name's prefix, is logged at INFO without a stack trace;
 * every other close is logged as the connection factory always does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ExpectedChannelErrors {

    /** Exchanges named so are missing on purpose. */
    public static final String MISSING_EXCHANGE_PREFIX = "no_such_exchange_";

    @Bean
    static BeanPostProcessor expectedChannelErrorsLogger() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractConnectionFactory factory) {
                    factory.setCloseExceptionLogger(new ExpectedMissingExchange());
                }
                return bean;
            }
        };
    }

    static final class ExpectedMissingExchange implements ConditionalExceptionLogger {

        private final ConditionalExceptionLogger usual = new AbstractConnectionFactory.DefaultChannelCloseLogger();

        @Override
        public void log(Log logger, String message, Throwable cause) {
            if (cause instanceof ShutdownSignalException signal && !signal.isHardError()
                && signal.getReason() instanceof AMQP.Channel.Close close && close.getReplyCode() == 404
                && close.getReplyText().contains(MISSING_EXCHANGE_PREFIX)) {
                logger.info(message + " (expected by the test): " + close.getReplyText());
                return;
            }
            usual.log(logger, message, cause);
        }
    }
}
