package dev.troupe.mailer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the welcome mail's From address
 */
@ConfigurationProperties("troupe.mailer")
public record MailerSettings(@DefaultValue("Troupe <welcome@troupe.local>") String from) {
}
