package dev.troupe;

import dev.troupe.embedded.EmbeddedBroker;
import dev.troupe.embedded.MailCatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/** Says at start-up which parts are embedded and which are real, and where to point a browser. */
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final TroupeSettings settings;
    private final Environment env;
    private final ObjectProvider<EmbeddedBroker> embeddedBroker;
    private final ObjectProvider<MailCatcher> mailCatcher;
    private final ConnectionFactory rabbit;

    StartupReport(TroupeSettings settings, Environment env, ObjectProvider<EmbeddedBroker> embeddedBroker,
                  ObjectProvider<MailCatcher> mailCatcher, ConnectionFactory rabbit) {
        this.settings = settings;
        this.env = env;
        this.embeddedBroker = embeddedBroker;
        this.mailCatcher = mailCatcher;
        this.rabbit = rabbit;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String base = "http://localhost:" + env.getProperty("local.server.port", "8080");
        log.info("""
            Troupe is up, running {}
              broker:   {}
              database: {}
              mail:     {}
              API:      {}/users/  {}/external_users/
              docs:     {}/swagger-ui.html  ({}/v3/api-docs)
              health:   {}/actuator/health""",
            settings.services(), broker(), database(), mail(base), base, base, base, base, base);
    }

    private String broker() {
        EmbeddedBroker broker = embeddedBroker.getIfAvailable();
        return broker != null
            ? "embedded Qpid Broker-J, amqp://guest:guest@127.0.0.1:" + broker.port()
            : "real, amqp://" + rabbit.getHost() + ":" + rabbit.getPort() + rabbit.getVirtualHost();
    }

    private String database() {
        String url = env.getProperty("spring.datasource.url", "");
        return (url.startsWith("jdbc:h2:") ? "embedded H2, " : "real, ") + url;
    }

    private String mail(String base) {
        MailCatcher catcher = mailCatcher.getIfAvailable();
        return catcher != null
            ? "embedded mail catcher, smtp://127.0.0.1:" + catcher.port() + ", captured mail at " + base + "/mail"
            : "real SMTP, smtp://" + env.getProperty("spring.mail.host") + ":" + env.getProperty("spring.mail.port", "25");
    }
}
