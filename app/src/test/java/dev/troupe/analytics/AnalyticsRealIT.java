package dev.troupe.analytics;

import dev.troupe.support.RealServers;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * On the shared broker the test subscriber's queues exist only for this class: left behind, bound
 * to user_created, they would fill up for ever. The context is closed after the class, and the
 * queues deleted as it closes, once its listeners have stopped (an {@code @AfterAll} runs before
 * that, and a listener still running would declare them again).
 */
@RealServers
@DirtiesContext
@Import(AnalyticsRealIT.RemoveItsQueues.class)
class AnalyticsRealIT extends AnalyticsContract {

    @TestConfiguration(proxyBeanMethods = false)
    static class RemoveItsQueues {
        @Bean
        DisposableBean analyticsQueuesRemoved(AmqpAdmin admin) {
            return () -> {
                admin.deleteQueue(Analytics.QUEUE);
                admin.deleteQueue(Analytics.QUEUE + ".parked");
            };
        }
    }
}
