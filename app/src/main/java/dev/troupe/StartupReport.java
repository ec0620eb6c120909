package dev.troupe;

import dev.troupe.embedded.EmbeddedBroker;
import dev.troupe.embedded.EmbeddedSettings;
import dev.troupe.embedded.MailCatcher;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Says at start-up which parts are embedded and which are real, and where to point a browser:
 * only at what this process serves.
 */
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final TroupeSettings settings;
    private final Environment env;
    private final ObjectProvider<EmbeddedBroker> embeddedBroker;
    private final ObjectProvider<MailCatcher> mailCatcher;
    private final EmbeddedSettings embedded;
    private final ConnectionFactory rabbit;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    StartupReport(TroupeSettings settings, Environment env, ObjectProvider<EmbeddedBroker> embeddedBroker,
                  ObjectProvider<MailCatcher> mailCatcher, EmbeddedSettings embedded, ConnectionFactory rabbit,
                  @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> requestMappingHandlerMapping) {
        this.settings = settings;
        this.env = env;
        this.embeddedBroker = embeddedBroker;
        this.mailCatcher = mailCatcher;
        this.embedded = embedded;
        this.rabbit = rabbit;
        this.mappings = requestMappingHandlerMapping;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info(String.join("\n", lines(baseUrl())));
    }

    String baseUrl() {
        return "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    }

    List<String> lines(String base) {
        // none without a web server (say, a benchmark's context): then nothing is served over HTTP
        RequestMappingHandlerMapping web = mappings.getIfAvailable();
        Endpoints endpoints = new Endpoints(web);
        List<String> lines = new ArrayList<>();
        lines.add("Troupe is up, running " + settings.services());
        lines.add("  broker:   " + broker());
        lines.add("  database: " + database());
        lines.add("  mail:     " + mail(base, endpoints));
        if (endpoints.servesApi()) {
            lines.add("  API:      " + String.join("  ", endpoints.apis().stream().map(path -> base + path).toList()));
            lines.add("  docs:     " + base + "/swagger-ui.html  (" + base + "/v3/api-docs)");
        }
        if (web != null) {
            lines.add("  health:   " + base + "/actuator/health");
            lines.add("  home:     " + base + "/");
        }
        return lines;
    }

    private String broker() {
        EmbeddedBroker broker = embeddedBroker.getIfAvailable();
        if (broker == null) {
            return "real, amqp://" + rabbit.getHost() + ":" + rabbit.getPort() + path(rabbit.getVirtualHost());
        }
        return "embedded Qpid Broker-J, amqp://guest:guest@127.0.0.1:" + broker.port()
            + inUse(broker.port(), embedded.brokerPort());
    }

    /** A virtual host as the AMQP URI spec writes it: {@code /} for the default one, else {@code /} and the name encoded. */
    static String path(String virtualHost) {
        if (virtualHost == null || virtualHost.equals("/")) {
            return "/";
        }
        return "/" + java.net.URLEncoder.encode(virtualHost, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Says when an embedded server could not have the port it prefers. */
    private static String inUse(int actual, int preferred) {
        return actual == preferred || preferred == 0 ? "" : " (port " + preferred + " was in use)";
    }

    private String database() {
        String url = env.getProperty("spring.datasource.url", "");
        return (url.startsWith("jdbc:h2:") ? "embedded H2, " : "real, ") + url;
    }

    private String mail(String base, Endpoints endpoints) {
        MailCatcher catcher = mailCatcher.getIfAvailable();
        if (catcher == null) {
            return "real SMTP, smtp://" + env.getProperty("spring.mail.host") + ":" + env.getProperty("spring.mail.port", "25");
        }
        return "embedded mail catcher, smtp://127.0.0.1:" + catcher.port() + inUse(catcher.port(), embedded.smtpPort())
            + (endpoints.servesMailbox() ? ", captured mail at " + base + "/mail" : "");
    }
}
