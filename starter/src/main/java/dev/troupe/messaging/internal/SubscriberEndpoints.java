package dev.troupe.messaging.internal;

import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.InvalidSubscriberException;
import dev.troupe.messaging.Subscriber;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerEndpoint;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistrar;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every {@link Subscriber} bean a listener on its queue, made by the same container factory
 * as every other listener, so acknowledgement after the handler, retries and parking apply alike.
 */
class SubscriberEndpoints implements RabbitListenerConfigurer {

    private final ApplicationContext context;
    private final Subscriptions subscriptions;
    private final Inbox inbox;
    private final Envelopes envelopes;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final Replies replies;
    private final FailureAdvice failures;
    private final MeterRegistry meters;
    private final java.time.Duration lagWindow;
    private final MessageObservations observations;

    SubscriberEndpoints(ApplicationContext context, Subscriptions subscriptions, Inbox inbox, Envelopes envelopes,
                        Validator validator, TransactionTemplate transactions, Replies replies, FailureAdvice failures,
                        MeterRegistry meters, java.time.Duration lagWindow, MessageObservations observations) {
        this.context = context;
        this.subscriptions = subscriptions;
        this.inbox = inbox;
        this.envelopes = envelopes;
        this.validator = validator;
        this.transactions = transactions;
        this.replies = replies;
        this.failures = failures;
        this.meters = meters;
        this.lagWindow = lagWindow;
        this.observations = observations;
    }

    @Override
    public void configureRabbitListeners(RabbitListenerEndpointRegistrar registrar) {
        for (Subscriptions.Subscription subscription : subscriptions.all()) {
            Subscriber subscriber = subscription.subscriber();
            SimpleRabbitListenerEndpoint endpoint = new SimpleRabbitListenerEndpoint();
            endpoint.setId(subscriber.name());
            endpoint.setQueueNames(subscriber.queue());
            // the instance only now, when every singleton exists: nothing is created early for it
            SubscriberListener listener = new SubscriberListener(context.getBean(subscription.beanName()), subscriber.name(),
                inbox, envelopes, validator, transactions, replies, failures, meters, lagWindow, observations);
            resolved(subscriber.concurrency()).ifPresent(endpoint::setConcurrency);
            resolved(subscriber.batchSize()).ifPresent(size -> listener.batchSize(wholeNumber(subscription, size)));
            endpoint.setMessageListener(listener);
            registrar.registerEndpoint(endpoint);
        }
    }

    private static int wholeNumber(Subscriptions.Subscription subscription, String size) {
        try {
            return Integer.parseInt(size.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSubscriberException(subscription.type(), "batchSize '" + size + "' is not a whole number");
        }
    }

    /** An attribute with its placeholders resolved, as {@code @RabbitListener}'s are; empty if unset. */
    private java.util.Optional<String> resolved(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(context.getEnvironment().resolveRequiredPlaceholders(attribute));
    }
}
