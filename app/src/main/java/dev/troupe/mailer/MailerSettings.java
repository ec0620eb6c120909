package dev.troupe.mailer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from        the welcome mail's From address
 * @param concurrency how many welcome mails are sent at once: each waits on a user check and an
 *                    SMTP dialogue, and mails need no order among themselves
 */
@Validated
@ConfigurationProperties("troupe.mailer")
public record MailerSettings(@DefaultValue("Troupe <welcome@troupe.local>") String from,
                             @DefaultValue("4") @Min(1) @Max(64) int concurrency) {
}
