package dev.troupe.users;

/** A registered user, as the users service shows it. */
public record User(long id, String name, String email) {
}
