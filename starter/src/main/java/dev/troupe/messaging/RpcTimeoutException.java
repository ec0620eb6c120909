package dev.troupe.messaging;

import java.time.Duration;

/** No reply within the timeout: the responder may be down or slow; worth retrying later. */
public class RpcTimeoutException extends RuntimeException {

    public RpcTimeoutException(String queue, Duration timeout) {
        super("No reply from " + queue + " within " + timeout);
    }
}
