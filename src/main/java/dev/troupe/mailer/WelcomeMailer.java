package dev.troupe.mailer;

/** Sends the welcome mail; the SMTP adapter implements it. */
public interface WelcomeMailer {

    void send(WelcomeMail mail);
}
