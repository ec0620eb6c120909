package dev.troupe.embedded;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A mail the mail catcher received, as its page and JSON API show it. */
@Schema(description = "A mail the embedded catcher received")
public record CapturedMail(@Schema(description = "Its Message-ID header") String messageId,
                           @Schema(description = "From addresses") List<String> from,
                           @Schema(description = "To addresses") List<String> to,
                           @Schema(description = "Subject") String subject,
                           @Schema(description = "When it was received") Instant sentAt,
                           @Schema(description = "The plain-text part") String text,
                           @Schema(description = "The HTML part") String html,
                           @Schema(description = "The whole message as it came over SMTP, headers and MIME parts") String raw) {

    static final class Bodies {
        String text;
        String html;
    }
}
