package dev.troupe.messaging.parking;

/**
 * Mends a parked message's body before it is replayed, where the application knows how: say, a
 * message published before an upgrade that names a user by an id of the old form. Returns the body
 * unchanged when it has nothing to mend. Every bean of this type is applied, in order.
 */
@FunctionalInterface
public interface ReplayRewrite {

    byte[] rewrite(byte[] body);
}
