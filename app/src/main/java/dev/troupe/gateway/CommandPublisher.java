package dev.troupe.gateway;

import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.PublishFailedException;
import dev.troupe.messaging.RpcClient;
import dev.troupe.messaging.asyncapi.Publishes;
import dev.troupe.messaging.asyncapi.Requests;
import dev.troupe.topology.Topology;
import dev.troupe.events.CreateUser;
import dev.troupe.events.DeleteUser;
import dev.troupe.users.RegistrationOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.core.AmqpMessageReturnedException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.RabbitMessageFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the seed's commands; each gets a fresh id that is its message id, the request id and
 * the correlation id of the events it leads to. Every request is logged as pending first, so its
 * status can be derived from those events.
 */
@Publishes({CreateUser.class, DeleteUser.class})
@Requests(value = CreateUser.class, replies = RegistrationOutcome.class)
public class CommandPublisher {

    private final ConfirmedPublisher publisher;
    private final Envelopes envelopes;
    private final RequestLog requests;
    private final RpcClient rpc;
    private final JsonMapper json;
    private final Duration confirmTimeout;

    public CommandPublisher(ConfirmedPublisher publisher, Envelopes envelopes, RequestLog requests, RpcClient rpc,
                            JsonMapper json, Duration confirmTimeout) {
        this.publisher = publisher;
        this.envelopes = envelopes;
        this.requests = requests;
        this.rpc = rpc;
        this.json = json;
        this.confirmTimeout = confirmTimeout;
    }

    public String createUser(CreateUser command) {
        return send(RequestStatus.REGISTRATION, Topology.CREATE_USER, command);
    }

    /**
     * Publishes with reply_to and waits up to {@code wait} for the outcome: request/reply over the
     * broker. Empty when no outcome came in time; the request then goes on, pending.
     */
    public Waited createUserAndWait(CreateUser command, Duration wait) {
        String requestId = newRequest(RequestStatus.REGISTRATION);
        Message message = envelopes.wrap(command, Topology.CREATE_USER, requestId, requestId);
        RabbitMessageFuture future = rpc.template().sendAndReceive(Topology.EXCHANGE, Topology.CREATE_USER, message);
        try {
            awaitTaken(future, future.getConfirm(), confirmTimeout);
        } catch (PublishFailedException e) {
            future.cancel(true);
            requests.fail(requestId, e.getMessage());
            throw e;
        }
        try {
            Message reply = future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return new Waited(requestId, Optional.of(json.readValue(reply.getBody(), RegistrationOutcome.class)));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AmqpMessageReturnedException returned) {
                requests.fail(requestId, "unroutable: " + returned.getReplyText());
                throw new PublishFailedException("unroutable: " + returned.getReplyText());
            }
            return new Waited(requestId, Optional.empty());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Waited(requestId, Optional.empty());
        } catch (CancellationException e) {
            return new Waited(requestId, Optional.empty()); // the template stopped (shutting down): still pending
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Waited(requestId, Optional.empty());
        }
    }

    public String deleteUser(DeleteUser command) {
        return send(RequestStatus.DELETION, Topology.DELETE_USER, command);
    }

    private String send(String kind, String routingKey, Object command) {
        String requestId = newRequest(kind);
        try {
            publisher.publish(Topology.EXCHANGE, routingKey, envelopes.wrap(command, routingKey, requestId, requestId));
        } catch (PublishFailedException e) {
            requests.fail(requestId, e.getMessage());
            throw e;
        }
        return requestId;
    }

    private String newRequest(String kind) {
        String requestId = UUID.randomUUID().toString();
        requests.pending(requestId, kind);
        return requestId;
    }

    /**
     * Returns once the broker has taken the command: it confirmed it, or a reply already came. The
     * reply can come first: RabbitMQ confirms a persistent message once it is on disk, which may be
     * after the consumer has answered, and the template then drops the late confirm.
     */
    static void awaitTaken(CompletableFuture<?> reply, CompletableFuture<Boolean> confirm, Duration timeout) {
        try {
            CompletableFuture.anyOf(reply, confirm).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AmqpMessageReturnedException) {
                return; // taken, but routed nowhere: reported when the reply is read
            }
            throw new PublishFailedException("no confirm from the broker: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new PublishFailedException("no confirm from the broker within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for a confirm", e);
        }
        if (!reply.isDone() && Boolean.FALSE.equals(confirm.getNow(null))) {
            throw new PublishFailedException("broker refused the command");
        }
    }

    /** A request and, if it came in time, its outcome. */
    public record Waited(String requestId, Optional<RegistrationOutcome> outcome) {
    }
}
