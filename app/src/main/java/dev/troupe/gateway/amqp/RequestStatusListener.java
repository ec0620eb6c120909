package dev.troupe.gateway.amqp;

import dev.troupe.gateway.RequestLog;
import dev.troupe.gateway.RequestStatus;
import dev.troupe.messaging.Handler;
import dev.troupe.messaging.Subscriber;
import dev.troupe.topology.Topology;
import dev.troupe.events.UserCreated;
import dev.troupe.events.UserDeleted;
import dev.troupe.events.UserDeletionRejected;
import dev.troupe.events.UserRegistrationRejected;
import java.util.UUID;
import org.springframework.amqp.core.Message;

/**
 * Derives each request's status from the users service's events, matched by correlation id.
 * Settling is idempotent (pending to final, once), and the machinery records each event in the
 * gateway's inbox, so a redelivered event changes nothing.
 */
@Subscriber(name = "gateway.requests", queue = Topology.GATEWAY_REQUESTS_QUEUE)
public class RequestStatusListener {

    private final RequestLog requests;

    public RequestStatusListener(RequestLog requests) {
        this.requests = requests;
    }

    @Handler

    void on(UserCreated event, Message message) {
        settle(message, RequestStatus.REGISTRATION, RequestStatus.CREATED, event.userId(), null);
    }

    @Handler

    void on(UserRegistrationRejected event, Message message) {
        settle(message, RequestStatus.REGISTRATION, RequestStatus.REJECTED, null, event.reason());
    }

    @Handler

    void on(UserDeleted event, Message message) {
        settle(message, RequestStatus.DELETION, RequestStatus.DELETED, event.userId(), null);
    }

    @Handler

    void on(UserDeletionRejected event, Message message) {
        settle(message, RequestStatus.DELETION, RequestStatus.REJECTED, event.userId(), event.reason());
    }

    /** An event without a correlation id was no answer to a request of the gateway's. */
    private void settle(Message message, String kind, String status, UUID userId, String reason) {
        String requestId = message.getMessageProperties().getCorrelationId();
        if (requestId != null) {
            requests.settle(requestId, kind, status, userId, reason);
        }
    }
}
