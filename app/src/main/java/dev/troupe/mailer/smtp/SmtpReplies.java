package dev.troupe.mailer.smtp;

import jakarta.mail.MessagingException;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Reads what the SMTP server answered out of Jakarta Mail's exceptions: a refused recipient, sender
 * or message carries the server's reply code, nested in the exception thrown for the whole send
 * ({@code SendFailedException} "Invalid Addresses", its next exceptions one per address).
 */
final class SmtpReplies {

    private SmtpReplies() {
    }

    /** The server's permanent refusal (a 5xx reply), if that is what made the send fail, as one line. */
    static Optional<String> permanentRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            int code = codeOf(cause);
            if (code >= 500 && code <= 599) {
                return Optional.of(oneLine(cause.getMessage(), code));
            }
        }
        return Optional.empty();
    }

    private static int codeOf(Throwable cause) {
        if (cause instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (cause instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        if (cause instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        return -1;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null
            && messaging.getNextException() != cause) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    /** The reply as the server sent it, on one line and bounded; the code alone where it sent no text. */
    private static String oneLine(String reply, int code) {
        String text = reply == null || reply.isBlank() ? String.valueOf(code) : reply.replaceAll("\\s*\\R\\s*", " ").strip();
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
