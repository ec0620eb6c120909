package dev.troupe.messaging.parking;

/** The headers a parked message carries in its parking queue ({@code <queue>.parked}): why, and where from. */
public final class ParkingHeaders {

    /** Why its consumer gave up on it: the failure's message. */
    public static final String REASON = "x-parked-reason";
    /** The class of the failure's most specific cause. */
    public static final String EXCEPTION = "x-exception-class";
    /** The queue whose consumer parked it, where a replay sends it back. */
    public static final String ORIGINAL_QUEUE = "x-original-queue";
    public static final String ORIGINAL_EXCHANGE = "x-original-exchange";
    public static final String ORIGINAL_ROUTING_KEY = "x-original-routing-key";
    /** When it was parked (ISO-8601). */
    public static final String PARKED_AT = "x-parked-at";

    private ParkingHeaders() {
    }
}
