package dev.troupe.messaging;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;

/**
 * Listener-container advice: a failure that no retry can cure (unparseable body, failed
 * validation, {@link PermanentMessageFailure}) parks the message and lets the container ack it,
 * so the queue keeps flowing. Any other failure propagates and the message is requeued.
 * The classification is Spring AMQP's own fatal-exception strategy.
 */
class ParkingAdvice implements MethodInterceptor {

    private final Parking parking;
    private final ConditionalRejectingErrorHandler.DefaultExceptionStrategy fatal = new Classification();

    ParkingAdvice(Parking parking) {
        this.parking = parking;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        try {
            return invocation.proceed();
        } catch (Throwable failure) {
            // the container's invokeListener(Channel, Object data): data is the delivered Message
            if (!fatal.isFatal(failure) || !(invocation.getArguments()[1] instanceof Message message)) {
                throw failure;
            }
            parking.park(message, failure);
            return null;
        }
    }

    private static final class Classification extends ConditionalRejectingErrorHandler.DefaultExceptionStrategy {

        @Override
        protected boolean isUserCauseFatal(Throwable cause) {
            return cause instanceof PermanentMessageFailure;
        }
    }
}
