package dev.troupe.mailer;

/** Whom a welcome mail goes to: the user's name and address as the users service has them on record. */
public record Recipient(String name, String email) {
}
