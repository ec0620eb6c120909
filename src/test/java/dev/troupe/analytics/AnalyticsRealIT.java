package dev.troupe.analytics;

import dev.troupe.support.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

@RealServers
class AnalyticsRealIT extends AnalyticsContract {

    /** The test subscriber's queues exist only for this test: on the shared broker they would fill up for ever. */
    @AfterAll
    static void removeItsQueues() {
        CachingConnectionFactory connections = new CachingConnectionFactory(RealServers.Initializer.rabbitHost(), 5672);
        connections.setUsername("guest");
        connections.setPassword("guest");
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            admin.deleteQueue(Analytics.QUEUE);
            admin.deleteQueue(Analytics.QUEUE + ".parked");
        } finally {
            connections.destroy();
        }
    }
}
