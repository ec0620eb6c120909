package dev.troupe.messaging;

import org.springframework.amqp.rabbit.AsyncRabbitTemplate;

/**
 * Request/reply over the broker, the seed's third question done for real: the request carries
 * reply_to (this process's own fixed reply queue, which works on RabbitMQ and on the embedded
 * broker alike) and a correlation id; the reply is matched by that id, or the call times out.
 */
public interface RpcClient {

    /** Sends {@code request} to {@code queue} and waits for the reply; throws {@link RpcTimeoutException} if none comes. */
    <T> T call(String queue, Object request, Class<T> replyType);

    /**
     * The template underneath, for an exchange {@link #call} does not cover (a request published
     * to an exchange with its routing key, a reply read as a raw message); its replies come to the
     * same reply queue.
     */
    AsyncRabbitTemplate template();
}
