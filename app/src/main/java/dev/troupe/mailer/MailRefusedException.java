package dev.troupe.mailer;

/**
 * The mail server refused a mail for good (a 5xx reply: no such mailbox, an address it will never
 * take): trying again would be refused again, so the mail is recorded as refused and its event
 * parked with the server's reply, for an operator to read, correct and replay. A 4xx reply (try
 * later) and a failed connection are not this: they are retried.
 */
public class MailRefusedException extends RuntimeException {

    private final String reply;

    public MailRefusedException(String reply, Throwable cause) {
        super("the mail server refused the mail: " + reply, cause);
        this.reply = reply;
    }

    /** The server's reply, code first ({@code 550 5.1.1 no such user}). */
    public String reply() {
        return reply;
    }
}
