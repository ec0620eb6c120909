package dev.troupe.messaging.internal;

import dev.troupe.messaging.TraceKeys;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.PermanentMessageFailure;
import dev.troupe.messaging.Subscriber;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.rabbitmq.client.Channel;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dispatches a {@link Subscriber}'s messages to its {@code on} methods, each with its inbox row in
 * the same transaction. A batch from the container is one transaction, each message in a savepoint
 * of its own: a message whose handler fails is rolled back alone and, once the others have
 * committed together, goes to the failure advice (retried or parked). Subscriber containers always
 * deliver batches ({@code ListenerAutoConfiguration}), so there is one path, whatever the batch size.
 */
final class SubscriberListener implements ChannelAwareBatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(SubscriberListener.class);

    /** A message read and checked, ready for its handler. */
    private record Delivery(Message message, Handlers.Handling handler, Object event) {
    }

    /** A handler's answer to a request, sent once its transaction has committed. */
    private record Answer(Message request, Object body) {
    }

    private final String name;
    private final Handlers handlers;
    private final Inbox inbox;
    private final Envelopes envelopes;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final Replies replies;
    private final FailureAdvice failures;
    private final Counter duplicates;
    private final Timer deliveryLag;
    private final MessageObservations observations;
    /** Its own batch size, where its {@link Subscriber} sets one; else the machinery's. */
    private volatile Integer batchSize;

    SubscriberListener(Object bean, String name, Inbox inbox, Envelopes envelopes, Validator validator,
                       TransactionTemplate transactions, Replies replies, FailureAdvice failures, MeterRegistry meters,
                       Duration lagWindow, MessageObservations observations) {
        this.name = name;
        this.handlers = Handlers.of(bean);
        this.inbox = inbox;
        this.envelopes = envelopes;
        this.validator = validator;
        this.transactions = transactions;
        this.replies = replies;
        this.failures = failures;
        this.observations = observations;
        this.duplicates = Counter.builder("troupe.messaging.duplicates").tag("consumer", name)
            .description("deliveries dropped because the consumer's inbox had them").register(meters);
        this.deliveryLag = Timer.builder("troupe.messaging.delivery.lag").tag("consumer", name)
            .description("from the message's commit (its timestamp_in_ms header) to its handler")
            .publishPercentiles(0.5, 0.95, 0.99, 0.999)
            // set here: Boot's management.metrics.distribution.expiry did not reach this timer (measured)
            .distributionStatisticExpiry(lagWindow).distributionStatisticBufferLength(3).register(meters);
    }

    /** Its subscriber's own batch size, in place of {@code troupe.messaging.batch.size}. */
    SubscriberListener batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException(name + ": batchSize must be at least 1, not " + size);
        }
        this.batchSize = size;
        return this;
    }

    /** Its own batch size, or the given default. */
    int batchSizeOr(int fallback) {
        return batchSize == null ? fallback : batchSize;
    }

    /** The routing keys of the events it handles, for its bindings. */
    Set<String> eventTypes() {
        return handlers.types();
    }

    /**
     * A batch (of one, where {@code troupe.messaging.batch.size} is 1): one transaction, a savepoint
     * per message. The messages that failed are rolled back to their savepoints and settled after
     * the commit, outside the transaction, one by one; a message the failure advice gives back
     * (after its pause) sends the whole batch back, whose committed part the inbox then drops.
     */
    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        List<Delivery> deliveries = readAll(messages);
        Outcome outcome;
        try {
            outcome = transactions.execute(status -> batch(deliveries, status));
        } catch (RuntimeException failure) {
            try {
                failures.requeue(messages, failure);
            } finally {
                giveBack(channel);
            }
            return;
        }
        // a handler's return value answers a request with reply_to, once its effect has committed
        outcome.answers().forEach(this::reply);
        try {
            outcome.failed().forEach(failed -> settle(failed.message(), failed.failure()));
        } catch (RuntimeException given) {
            // one that could be neither retried later nor parked goes back, with the batch (its committed part
            // the inbox drops on redelivery)
            giveBack(channel);
            throw given;
        }
    }

    /** Answers a request that asked for an answer (reply_to), in its trace. */
    private void reply(Answer answer) {
        Observation replying = answer.request().getMessageProperties().getReplyTo() == null ? Observation.NOOP
            : observations.after(answer.request(), name, "reply");
        replying.observe(() -> replies.reply(answer.request(), answer.body()));
    }

    /** The same without a channel, as a unit test calls it: a batch given back is only thrown back. */
    @Override
    public void onMessageBatch(List<Message> messages) {
        onMessageBatch(messages, null);
    }

    /**
     * Gives a batch that did not commit back to the broker by closing its channel, which requeues
     * every message the channel holds unacknowledged; the container then starts its consumer again.
     * The container's own way, one basic.nack with multiple and requeue, is not safe on the embedded
     * broker: Qpid Broker-J 9.2.1 requeues only the highest delivery tag of such a nack and leaves
     * the others unacknowledged, for the next batch's multiple ack to acknowledge unprocessed.
     */
    private static void giveBack(Channel channel) {
        if (channel == null) {
            return;
        }
        Channel target = channel instanceof ChannelProxy proxy ? proxy.getTargetChannel() : channel;
        try {
            if (target.isOpen()) {
                target.close();
            }
        } catch (java.io.IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            log.warn("Could not close the channel of a batch given back ({}); the container settles it", e.toString());
        }
    }

    /** What a batch's transaction committed: the answers to send, and the messages whose handler failed. */
    private record Outcome(List<Answer> answers, List<Failed> failed) {
    }

    /** A message rolled back to its savepoint, with what its handler threw. */
    private record Failed(Message message, RuntimeException failure) {
    }

    /** The messages that can be read; the others are settled (parked) here. */
    private List<Delivery> readAll(List<Message> messages) {
        List<Delivery> deliveries = new ArrayList<>(messages.size());
        for (Message message : messages) {
            try {
                deliveries.add(read(message));
            } catch (RuntimeException unreadable) {
                settle(message, unreadable);
            }
        }
        return deliveries;
    }

    /**
     * Savepoints on the batch's own transaction, rolled back on any failure, a failed release
     * included: on PostgreSQL a handler that swallowed an SQL error leaves the transaction aborted,
     * and only the rollback to its savepoint saves the rest of the batch from a silent rollback.
     */
    private Outcome batch(List<Delivery> deliveries, TransactionStatus status) {
        prepare(deliveries, status);
        List<Answer> answered = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            try {
                Object answer = inSavepoint(status, () -> observed(delivery));
                if (answer != null) {
                    answered.add(new Answer(delivery.message(), answer));
                }
            } catch (TransactionLost lost) {
                throw lost;
            } catch (RuntimeException failure) {
                failed.add(new Failed(delivery.message(), failure));
            }
        }
        return new Outcome(answered, failed);
    }

    /**
     * Runs the work in a savepoint, rolled back if the work or the savepoint's release fails. If the
     * rollback to the savepoint fails too, the transaction is not what the batch began (its connection
     * lost, or ended behind its back): what the batch did before may be gone, so the batch fails whole.
     */
    private static <T> T inSavepoint(TransactionStatus status, java.util.function.Supplier<T> work) {
        Object savepoint = status.createSavepoint();
        try {
            T result = work.get();
            status.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException failure) {
            try {
                status.rollbackToSavepoint(savepoint);
            } catch (RuntimeException lost) {
                lost.addSuppressed(failure);
                throw new TransactionLost(lost);
            }
            throw failure;
        }
    }

    /** The batch's transaction could not be rolled back to a savepoint: no message of it may be settled alone. */
    private static final class TransactionLost extends RuntimeException {
        TransactionLost(RuntimeException cause) {
            super("the batch's transaction was lost: " + cause.getMessage(), cause);
        }
    }

    /** Its handling observed, in the trace its headers carry: what the handler writes and sends is part of it. */
    private Object observed(Delivery delivery) {
        Observation observation = observations.handling(delivery.message(), name);
        return observation.observe(() -> deliver(delivery, observation));
    }

    private Object deliver(Delivery delivery, Observation observation) {
        if (inbox.firstDelivery(name, delivery.message())) {
            return handlers.on(delivery.handler(), delivery.event(), delivery.message());
        }
        duplicates.increment();
        observation.highCardinalityKeyValue(TraceKeys.OUTCOME, "duplicate");
        return null;
    }

    /**
     * Each event type's prepare hook, once, with the batch's events of that type (duplicates
     * included: the inbox decides later), in a savepoint: if it fails, the handlers go without it.
     */
    private void prepare(List<Delivery> deliveries, TransactionStatus status) {
        Map<Handlers.Handling, List<Object>> byHandler = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            if (delivery.handler().prepare() != null) {
                byHandler.computeIfAbsent(delivery.handler(), handler -> new ArrayList<>()).add(delivery.event());
            }
        }
        byHandler.forEach((handler, events) -> {
            try {
                inSavepoint(status, () -> {
                    handlers.prepare(handler, events);
                    return null;
                });
            } catch (TransactionLost lost) {
                throw lost;
            } catch (RuntimeException e) {
                log.info("{} could not prepare {} events, handling them without: {}", name, events.size(), e.getMessage());
            }
        });
    }

    /**
     * The failure advice decides, as for a single message (wrapped as the container wraps it),
     * observed in the message's trace: its retry or parking is part of the request's story.
     */
    private void settle(Message message, RuntimeException failure) {
        Observation settling = observations.after(message, name, "failure").start();
        settling.error(failure);
        try (Observation.Scope scope = settling.openScope()) {
            failures.onFailure(message, new ListenerExecutionFailedException(name + " failed", failure, message));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        } finally {
            settling.stop();
        }
    }

    private Delivery read(Message message) {
        if (message.getMessageProperties().getHeader(Envelopes.TIMESTAMP_MS) instanceof Number committed) {
            deliveryLag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - committed.longValue())));
        }
        String type = typeOf(message);
        Handlers.Handling handler = handlers.forType(type);
        if (handler == null) {
            throw new PermanentMessageFailure(name + " does not handle " + type);
        }
        Object event = envelopes.read(message, handler.eventType());
        if (event == null) {
            throw new PermanentMessageFailure("empty " + type);
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new PermanentMessageFailure("invalid " + type + ": " + violations.stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted().collect(Collectors.joining(", ")));
        }
        return new Delivery(message, handler, event);
    }

    /**
     * The message's type, else the routing key it was published with. A message without a type
     * sent straight to the queue (a replay, a redelivery of a seed's message) can only be of the
     * queue's one kind, where the subscriber handles one.
     */
    private String typeOf(Message message) {
        String exchange = message.getMessageProperties().getReceivedExchange();
        if (message.getMessageProperties().getType() == null && (exchange == null || exchange.isEmpty())
            && handlers.types().size() == 1) {
            return handlers.types().iterator().next();
        }
        return Envelopes.typeOf(message);
    }
}
