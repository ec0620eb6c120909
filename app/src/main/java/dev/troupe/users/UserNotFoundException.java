package dev.troupe.users;

import java.util.UUID;

public class UserNotFoundException extends RuntimeException {

    public UserNotFoundException(UUID id) {
        this(id.toString());
    }

    /** Also for an id that is no UUID: it names no user either. */
    public UserNotFoundException(String id) {
        super("No user with id " + id);
    }
}
