package dev.troupe.embedded;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The captured mails: a page at {@code /mail} and JSON at {@code /mail/messages}. */
@Tag(name = "mail catcher", description = "The embedded mail catcher's captured mail (only where no SMTP server is configured)")
@RestController
class MailCatcherController {

    private final MailCatcher catcher;

    MailCatcherController(MailCatcher catcher) {
        this.catcher = catcher;
    }

    @Operation(summary = "The captured mails, oldest first")
    @GetMapping("/mail/messages")
    List<CapturedMail> messages() {
        return catcher.mails();
    }

    @Operation(summary = "Forget the captured mails")
    @ApiResponse(responseCode = "204", description = "Forgotten")
    @DeleteMapping("/mail/messages")
    ResponseEntity<Void> clear() {
        catcher.clear();
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The captured mails as a page, newest first")
    @GetMapping(path = {"/mail", "/mail/"}, produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        StringBuilder rows = new StringBuilder();
        List<CapturedMail> newestFirst = new java.util.ArrayList<>(catcher.mails());
        java.util.Collections.reverse(newestFirst);
        for (CapturedMail mail : newestFirst) {
            rows.append("<tr><td>").append(mail.sentAt())
                .append("</td><td>").append(escape(String.join(", ", mail.from())))
                .append("</td><td>").append(escape(String.join(", ", mail.to())))
                .append("</td><td>").append(escape(mail.subject()))
                .append("</td><td><pre>").append(escape(mail.text())).append("</pre></td></tr>\n");
        }
        return """
            <!doctype html><html><head><meta charset="utf-8"><title>Troupe mail catcher</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%%}
            td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}pre{margin:0;white-space:pre-wrap}</style>
            </head><body><h1>Captured mail (%d)</h1><p>SMTP on 127.0.0.1:%d &middot; JSON at <a href="/mail/messages">/mail/messages</a></p>
            <table><tr><th>Sent</th><th>From</th><th>To</th><th>Subject</th><th>Text</th></tr>
            %s</table></body></html>
            """.formatted(newestFirst.size(), catcher.port(), rows);
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
