package dev.troupe.messaging.internal;

import dev.troupe.messaging.RpcClient;
import dev.troupe.messaging.RpcTimeoutException;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.RabbitConverterFuture;
import org.springframework.core.ParameterizedTypeReference;

/** The starter's {@link RpcClient}, on an {@link AsyncRabbitTemplate} with this process's reply queue. */
public class TemplateRpcClient implements RpcClient {

    private final AsyncRabbitTemplate template;
    private final Duration timeout;

    public TemplateRpcClient(AsyncRabbitTemplate template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    @Override
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

    @Override
    public AsyncRabbitTemplate template() {
        return template;
    }
}
