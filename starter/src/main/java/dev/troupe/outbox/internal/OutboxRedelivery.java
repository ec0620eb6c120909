package dev.troupe.outbox.internal;

import dev.troupe.outbox.Outbox;
import dev.troupe.outbox.OutgoingMessage;

import dev.troupe.messaging.internal.DelayedRedelivery;
import dev.troupe.messaging.Envelopes;
import java.time.Instant;
import java.util.HashMap;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delayed redelivery through the outbox: the message goes back into the table with a
 * not-before time, and the relay publishes it to the consumer's queue (default exchange) when due.
 * The delay lives in the database, where it survives restarts, not in broker TTLs, which the
 * embedded broker does not honour.
 */
class OutboxRedelivery implements DelayedRedelivery {

    private final Outbox outbox;
    private final TransactionTemplate transactions;

    OutboxRedelivery(Outbox outbox, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Override
    public void redeliver(Message message, String queue, Instant notBefore) {
        MessageProperties properties = message.getMessageProperties();
        // keeps the id stable even where the publisher set none, so the consumer's inbox still recognises it
        String messageId = Envelopes.idOf(message);
        // and its type, which the redelivery through the default exchange would lose
        Envelopes.keepType(properties);
        OutgoingMessage again = new OutgoingMessage("", queue, messageId, properties.getType(),
            properties.getCorrelationId(), null, new HashMap<>(properties.getHeaders()), properties.getContentType(),
            message.getBody(), notBefore);
        transactions.executeWithoutResult(status -> outbox.add(again));
    }
}
