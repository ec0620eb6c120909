package dev.troupe.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.RabbitConverterFuture;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Request/reply over the broker, the seed's third question done for real: the request carries
 * reply_to (this process's own fixed reply queue, which works on RabbitMQ and on the embedded
 * broker alike) and a correlation id; the reply is matched by that id, or the call times out.
 */
public class RpcClient {

    private final AsyncRabbitTemplate template;
    private final Duration timeout;

    public RpcClient(AsyncRabbitTemplate template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    /** Sends {@code request} to {@code queue} and waits for the reply; throws {@link RpcTimeoutException} if none comes. */
    public <T> T call(String queue, Object request, Class<T> replyType) {
        ParameterizedTypeReference<T> type = ParameterizedTypeReference.forType(replyType);
        RabbitConverterFuture<T> reply = template.convertSendAndReceiveAsType("", queue, request, type);
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new RpcTimeoutException(queue, timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Request to " + queue + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcTimeoutException(queue, timeout);
        }
    }

    public AsyncRabbitTemplate template() {
        return template;
    }
}
