package dev.troupe.mailer;

/** Sends the welcome mail; the SMTP adapter implements it. */
public interface WelcomeMailer {

    /** @param messageId the mail's Message-ID header, derived from the event so a resend is recognisable */
    void send(WelcomeMail mail, String messageId);
}
