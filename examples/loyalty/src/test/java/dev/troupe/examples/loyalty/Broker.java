package dev.troupe.examples.loyalty;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The real RabbitMQ on 127.0.0.1:5672, guest, vhost {@code /}, shared with other runs on this machine:
 * what the test declares, asks and deletes there. Each question that the broker may refuse (a queue
 * that does not exist, one still in use) goes on a channel of its own, since a refusal closes its channel.
 */
final class Broker implements AutoCloseable {

    private final Connection connection;

    private Broker(Connection connection) {
        this.connection = connection;
    }

    static Broker connect() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost("/");
        return new Broker(factory.newConnection("loyalty-it"));
    }

    Channel channel() throws IOException {
        return connection.createChannel();
    }

    boolean queueExists(String queue) throws IOException {
        return onChannelOfItsOwn(probe -> probe.queueDeclarePassive(queue));
    }

    /** Messages ready in a queue, -1 if it does not exist. */
    long messagesIn(String queue) throws IOException {
        long[] ready = {-1};
        onChannelOfItsOwn(probe -> ready[0] = probe.queueDeclarePassive(queue).getMessageCount());
        return ready[0];
    }

    void deleteQueue(String queue) throws IOException {
        if (!onChannelOfItsOwn(cleanup -> cleanup.queueDelete(queue))) {
            System.out.println("[loyalty-it] could not delete " + queue);
        }
    }

    /** Deleted only if no consumer holds it: a queue another process (another run's Troupe) is using stays. */
    void deleteQueueIfUnused(String queue) throws IOException {
        if (!onChannelOfItsOwn(cleanup -> cleanup.queueDelete(queue, true, false))) {
            System.out.println("[loyalty-it] left " + queue + ": in use");
        }
    }

    void deleteExchange(String exchange) throws IOException {
        if (!onChannelOfItsOwn(cleanup -> cleanup.exchangeDelete(exchange))) {
            System.out.println("[loyalty-it] could not delete " + exchange);
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    /** Whether the broker did what was asked. */
    private boolean onChannelOfItsOwn(ChannelCall call) throws IOException {
        Channel own = connection.createChannel();
        try {
            call.on(own);
            return true;
        } catch (IOException refused) {
            return false;
        } finally {
            if (own.isOpen()) {
                try {
                    own.close();
                } catch (TimeoutException e) {
                    own.abort();
                }
            }
        }
    }

    @FunctionalInterface
    private interface ChannelCall {
        void on(Channel channel) throws IOException;
    }
}
