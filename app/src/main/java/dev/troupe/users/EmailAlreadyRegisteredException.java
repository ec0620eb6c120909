package dev.troupe.users;

public class EmailAlreadyRegisteredException extends RuntimeException {

    public EmailAlreadyRegisteredException(String email) {
        super("The e-mail address " + email + " is already registered");
    }
}
