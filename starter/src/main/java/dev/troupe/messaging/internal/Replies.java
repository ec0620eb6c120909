package dev.troupe.messaging.internal;

import dev.troupe.messaging.Envelopes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Address;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request that named a {@code reply_to} queue with what its handler returned, once the
 * handler's transaction has committed: request/reply over the broker, as the seed's RPC sample
 * did it. The reply carries the request's correlation id (its message id if it had none), which is
 * how the requester matches it. A requester that gave up has taken its queue away: the reply is
 * then dropped, as nobody is left to read it.
 */
public class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private final RabbitTemplate template;
    private final JsonMapper json;

    public Replies(RabbitTemplate template, JsonMapper json) {
        this.template = template;
        this.json = json;
    }

    public void reply(Message request, Object body) {
        MessageProperties asked = request.getMessageProperties();
        if (asked.getReplyTo() == null || body == null) {
            return;
        }
        String correlationId = asked.getCorrelationId() != null ? asked.getCorrelationId() : asked.getMessageId();
        MessageProperties properties = Envelopes.properties(null, null, correlationId,
            MessageProperties.CONTENT_TYPE_JSON, new java.util.Date());
        try {
            // "queue", or "exchange/routing-key" as AMQP allows, as Spring AMQP's own listeners read it
            Address address = new Address(asked.getReplyTo());
            template.send(address.getExchangeName(), address.getRoutingKey(), new Message(json.writeValueAsBytes(body), properties));
        } catch (RuntimeException e) {
            // the request's effect has committed; only its answer is lost, and the requester's wait says so
            log.warn("Reply to {} not sent: {}", asked.getReplyTo(), e.getMessage());
        }
    }
}
