package dev.troupe.messaging.internal;

import dev.troupe.messaging.Handler;

import dev.troupe.messaging.TraceKeys;
import dev.troupe.messaging.Subscriber;

import io.micrometer.core.instrument.Counter;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.rabbitmq.client.Channel;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.amqp.rabbit.support.ListenerExecutionFailedException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dispatches a {@link Subscriber}'s messages to its {@code @Handler} methods, each with its inbox row in
 * the same transaction. A batch from the container is one transaction, each message in a savepoint
 * of its own: a message whose handler fails is rolled back alone and, once the others have
 * committed together, goes to the failure advice (retried or parked). Subscriber containers always
 * deliver batches ({@code ListenerAutoConfiguration}), so there is one path, whatever the batch size.
 */
final class SubscriberListener implements ChannelAwareBatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(SubscriberListener.class);

    /** A handler's answer to a request, sent once its transaction has committed. */
    private record Answer(Message request, Object body) {
    }

    private final String name;
    private final Handlers handlers;
    private final DeliveryReader reader;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final Replies replies;
    private final FailureAdvice failures;
    private final Counter duplicates;
    private final MessageObservations observations;
    /** Its own batch size, where its {@link Subscriber} sets one; else the machinery's. */
    private volatile Integer batchSize;

    SubscriberListener(Object bean, String name, SubscriberMachinery machinery) {
        this.name = name;
        this.handlers = Handlers.of(bean);
        this.reader = new DeliveryReader(name, handlers, machinery.envelopes(), machinery.validator(), machinery.meters(),
            machinery.lagWindow());
        this.inbox = machinery.inbox();
        this.transactions = machinery.transactions();
        this.replies = machinery.replies();
        this.failures = machinery.failures();
        this.observations = machinery.observations();
        this.duplicates = Counter.builder("troupe.messaging.duplicates").tag("consumer", name)
            .description("deliveries dropped because the consumer's inbox had them").register(machinery.meters());
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
        List<DeliveryReader.Delivery> deliveries = readAll(messages);
        Outcome outcome;
        try {
            outcome = transactions.execute(status -> batch(deliveries, status));
        } catch (RuntimeException failure) {
            try {
                failures.requeue(messages, failure);
            } finally {
                ChannelGiveBack.giveBack(channel);
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
            ChannelGiveBack.giveBack(channel);
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

    /** What a batch's transaction committed: the answers to send, and the messages whose handler failed. */
    private record Outcome(List<Answer> answers, List<Failed> failed) {
    }

    /** A message rolled back to its savepoint, with what its handler threw. */
    private record Failed(Message message, RuntimeException failure) {
    }

    /** The messages that can be read; the others are settled (parked) here. */
    private List<DeliveryReader.Delivery> readAll(List<Message> messages) {
        List<DeliveryReader.Delivery> deliveries = new ArrayList<>(messages.size());
        for (Message message : messages) {
            try {
                deliveries.add(reader.read(message));
            } catch (RuntimeException unreadable) {
                settle(message, unreadable);
            }
        }
        return deliveries;
    }

    /** Each message in a savepoint of the batch's transaction ({@link Savepoints}), after the prepare hooks. */
    private Outcome batch(List<DeliveryReader.Delivery> deliveries, TransactionStatus status) {
        prepare(deliveries, status);
        List<Answer> answered = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        for (DeliveryReader.Delivery delivery : deliveries) {
            try {
                Object answer = Savepoints.inSavepoint(status, () -> observed(delivery));
                if (answer != null) {
                    answered.add(new Answer(delivery.message(), answer));
                }
            } catch (Savepoints.TransactionLost lost) {
                throw lost;
            } catch (RuntimeException failure) {
                failed.add(new Failed(delivery.message(), failure));
            }
        }
        return new Outcome(answered, failed);
    }

    /** Its handling observed, in the trace its headers carry: what the handler writes and sends is part of it. */
    private Object observed(DeliveryReader.Delivery delivery) {
        Observation observation = observations.handling(delivery.message(), name);
        return observation.observe(() -> deliver(delivery, observation));
    }

    private Object deliver(DeliveryReader.Delivery delivery, Observation observation) {
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
    private void prepare(List<DeliveryReader.Delivery> deliveries, TransactionStatus status) {
        Map<Handlers.Handling, List<Object>> byHandler = new LinkedHashMap<>();
        for (DeliveryReader.Delivery delivery : deliveries) {
            if (delivery.handler().prepare() != null) {
                byHandler.computeIfAbsent(delivery.handler(), handler -> new ArrayList<>()).add(delivery.event());
            }
        }
        byHandler.forEach((handler, events) -> {
            try {
                Savepoints.inSavepoint(status, () -> {
                    handlers.prepare(handler, events);
                    return null;
                });
            } catch (Savepoints.TransactionLost lost) {
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

}
