package dev.troupe.messaging;

/**
 * The names under which the starter's observations carry a message's ids and what became of it
 * (in spans, log correlation and the trace store of Troupe's console): an application's own
 * observations use them to join a trace by the same keys.
 */
public final class TraceKeys {

    /** The message's id: a command's is the request id the gateway answered with. */
    public static final String MESSAGE_ID = "messaging.message.id";
    /** The request a message answers or follows: its events carry the command's id. */
    public static final String CORRELATION_ID = "messaging.message.conversation_id";
    /** What the message is (its type, else its routing key). */
    public static final String TYPE = "troupe.message.type";
    /** The ordering key of a message written to the outbox: for an event, the id of what it is about. */
    public static final String KEY = "troupe.key";
    /** How a handling ended when it did nothing: a duplicate the inbox dropped. */
    public static final String OUTCOME = "troupe.outcome";

    private TraceKeys() {
    }
}
