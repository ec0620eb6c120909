/**
 * The AsyncAPI 3.0 document of a process, generated from its code: the {@code @Subscriber}s and
 * {@code @RabbitListener}s it runs, the exchanges, queues and bindings it declares, what it
 * publishes and asks ({@link Publishes}, {@link Requests}) and each message's payload as JSON
 * Schema from its record. Served at {@code GET /asyncapi.json} in a Spring MVC application
 * ({@link AsyncApiDocument#PATH}); {@code troupe.messaging.asyncapi.enabled=false} switches it off.
 */
package dev.troupe.messaging.asyncapi;
