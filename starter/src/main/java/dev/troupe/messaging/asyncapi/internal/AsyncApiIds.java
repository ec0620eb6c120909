package dev.troupe.messaging.asyncapi.internal;

import java.util.Collection;

/** Names made fit for the keys of an AsyncAPI document, and for the JSON pointers that name them. */
final class AsyncApiIds {

    private AsyncApiIds() {
    }

    /**
     * Letters, digits and {@code .-_} as they are, anything else as {@code _}: what AsyncAPI allows in
     * a component's key, and what a {@code $ref} carries with no escaping (a routing key may hold
     * {@code /}, {@code #} or {@code *}).
     */
    static String of(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** {@code id} itself, or with a number after it where {@code taken} has it. */
    static String unique(String id, Collection<String> taken) {
        String candidate = id;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }
}
