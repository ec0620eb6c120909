package dev.troupe.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the SMTP server, the user and the properties to change when the server refused the login. */
class SmtpFailureAnalyzer extends AbstractFailureAnalyzer<SmtpLoginRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SmtpLoginRefusedException cause) {
        return new FailureAnalysis(
            "The SMTP server at %s refused the login of user '%s': %s."
                .formatted(cause.server(), cause.username(), cause.reason()),
            "Correct spring.mail.username and spring.mail.password (SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD) "
                + "for that server, or check spring.mail.host and spring.mail.port. Or unset spring.mail.host "
                + "(SPRING_MAIL_HOST) to deliver to the embedded mail catcher.",
            cause);
    }
}
