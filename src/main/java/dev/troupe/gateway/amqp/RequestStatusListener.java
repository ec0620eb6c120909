package dev.troupe.gateway.amqp;

import dev.troupe.gateway.RequestLog;
import dev.troupe.gateway.RequestStatus;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.PermanentMessageFailure;
import dev.troupe.messaging.Topology;
import dev.troupe.users.UserCreated;
import dev.troupe.users.UserDeleted;
import dev.troupe.users.UserDeletionRejected;
import dev.troupe.users.UserRegistrationRejected;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;

/**
 * Derives each request's status from the users service's events, matched by correlation id.
 * Settling is idempotent (pending to final, once), so a redelivered event changes nothing.
 */
public class RequestStatusListener {

    private final RequestLog requests;
    private final Envelopes envelopes;

    public RequestStatusListener(RequestLog requests, Envelopes envelopes) {
        this.requests = requests;
        this.envelopes = envelopes;
    }

    @RabbitListener(id = "gateway.requests", queues = Topology.GATEWAY_REQUESTS_QUEUE)
    void on(Message message) {
        String requestId = message.getMessageProperties().getCorrelationId();
        if (requestId == null) {
            return;
        }
        String event = Envelopes.typeOf(message);
        switch (event) {
            case Topology.USER_CREATED -> requests.settle(message, requestId, RequestStatus.REGISTRATION, RequestStatus.CREATED,
                envelopes.read(message, UserCreated.class).userId(), null);
            case Topology.USER_REGISTRATION_REJECTED -> requests.settle(message, requestId, RequestStatus.REGISTRATION,
                RequestStatus.REJECTED, null, envelopes.read(message, UserRegistrationRejected.class).reason());
            case Topology.USER_DELETED -> requests.settle(message, requestId, RequestStatus.DELETION, RequestStatus.DELETED,
                envelopes.read(message, UserDeleted.class).userId(), null);
            case Topology.USER_DELETION_REJECTED -> {
                UserDeletionRejected rejected = envelopes.read(message, UserDeletionRejected.class);
                requests.settle(message, requestId, RequestStatus.DELETION, RequestStatus.REJECTED, rejected.userId(),
                    rejected.reason());
            }
            default -> throw new PermanentMessageFailure("the gateway does not handle " + event);
        }
    }
}
