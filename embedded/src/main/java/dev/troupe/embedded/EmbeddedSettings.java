package dev.troupe.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process stand-ins used where no real server is configured.
 *
 * @param dataDir    where the embedded H2 database (and the broker's work files) live
 * @param brokerPort AMQP port of the embedded broker on 127.0.0.1, the seed's 5672 by default; if it is
 *                   in use a free one is taken (the start-up report says which); 0 always picks a free one
 * @param smtpPort   SMTP port of the mail catcher on 127.0.0.1, MailCatcher's 1025 by default, a free one
 *                   if that is in use; 0 always picks a free one
 */
@ConfigurationProperties("troupe.embedded")
public record EmbeddedSettings(
    @DefaultValue("./data") String dataDir,
    @DefaultValue("5672") int brokerPort,
    @DefaultValue("1025") int smtpPort) {
}
