package dev.troupe.messaging.internal;

import dev.troupe.messaging.InvalidSubscriberException;
import dev.troupe.messaging.Subscriber;

import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerEndpoint;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistrar;
import org.springframework.context.ApplicationContext;

/**
 * Gives every {@link Subscriber} bean a listener on its queue, made by the same container factory
 * as every other listener, so acknowledgement after the handler, retries and parking apply alike.
 */
class SubscriberEndpoints implements RabbitListenerConfigurer {

    private final ApplicationContext context;
    private final Subscriptions subscriptions;
    private final SubscriberMachinery machinery;

    SubscriberEndpoints(ApplicationContext context, Subscriptions subscriptions, SubscriberMachinery machinery) {
        this.context = context;
        this.subscriptions = subscriptions;
        this.machinery = machinery;
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
                machinery);
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
