package dev.troupe.events;

/**
 * The names on the wire, the seed's contract: one durable direct exchange carries every command and
 * event, the routing key says which (and is the message's type); the users service answers status
 * queries on its queue, to the asker's {@code reply_to} with the asker's {@code correlation_id}.
 * A publisher or consumer in any language relies on these names.
 */
public final class UserRoutes {

    /** One durable direct exchange carries every event type; the routing key says which. */
    public static final String EXCHANGE = "event_exchange";

    /** Commands, the seed's: {@code {"name","email"}} and {@code {"user_id"}}. */
    public static final String CREATE_USER = "create_user";
    public static final String DELETE_USER = "delete_user";

    /** Events the users service publishes after the fact, each committed with the change it describes. */
    public static final String USER_CREATED = "user_created";
    public static final String USER_DELETED = "user_deleted";
    public static final String USER_REGISTRATION_REJECTED = "user_registration_rejected";
    public static final String USER_DELETION_REJECTED = "user_deletion_rejected";

    /** Request/reply: "does this user exist, and with what name and address?" ({@link UserStatusQuery}). */
    public static final String USER_STATUS_QUEUE = "user_status_queue";

    private UserRoutes() {
    }
}
