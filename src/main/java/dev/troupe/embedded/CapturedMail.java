package dev.troupe.embedded;

import java.time.Instant;
import java.util.List;

/** A mail the mail catcher received, as its page and JSON API show it. */
public record CapturedMail(String messageId, List<String> from, List<String> to, String subject, Instant sentAt,
                           String text, String html) {

    static final class Bodies {
        String text;
        String html;
    }
}
