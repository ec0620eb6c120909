package dev.troupe.startup;

/** The real SMTP server refused the configured credentials at start-up. */
public class SmtpLoginRefusedException extends RuntimeException {

    private final String server;
    private final String username;

    SmtpLoginRefusedException(String server, String username, Throwable cause) {
        super("SMTP server " + server + " refused the login of " + username + ": " + Reasons.of(cause), cause);
        this.server = server;
        this.username = username;
    }

    public String server() {
        return server;
    }

    public String username() {
        return username;
    }

    public String reason() {
        return Reasons.of(getCause());
    }
}
