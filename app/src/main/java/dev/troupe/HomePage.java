package dev.troupe;

import dev.troupe.messaging.asyncapi.AsyncApiDocument;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /}: what Troupe is, which services this process runs, and links to what it serves (the
 * APIs and their docs, the messages' document, the captured mail, health): the first page a newcomer opens.
 */
@Hidden
@RestController
@ConditionalOnWebApplication
class HomePage {

    private final TroupeSettings settings;
    private final RequestMappingHandlerMapping mappings;
    private final ObjectProvider<RootPage> root;
    private final ObjectProvider<AsyncApiDocument> asyncApi;

    HomePage(TroupeSettings settings, @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
             ObjectProvider<RootPage> root, ObjectProvider<AsyncApiDocument> asyncApi) {
        this.settings = settings;
        this.mappings = mappings;
        this.root = root;
        this.asyncApi = asyncApi;
    }

    /** The console where this process runs it, else this page. */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> root() {
        RootPage page = root.getIfAvailable();
        return page == null ? home() : ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page.html());
    }

    @GetMapping(path = "/about", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> home() {
        Endpoints endpoints = new Endpoints(mappings);
        List<String> links = new ArrayList<>();
        endpoints.apis().forEach(path -> links.add(endpoints.readable(path) ? link(path, path)
            : "<code>" + HtmlUtils.htmlEscape(path) + "</code> (see the API docs for how to call it)"));
        if (endpoints.servesApi()) {
            links.add(link("/swagger-ui.html", "API docs (Swagger UI)"));
            links.add(link("/v3/api-docs", "OpenAPI document"));
        }
        // a functional route, not among the mappings: here wherever the starter serves it, APIs or none
        if (asyncApi.getIfAvailable() != null) {
            links.add(link(AsyncApiDocument.PATH, "AsyncAPI document (the messages on the broker)"));
        }
        if (endpoints.servesConsole()) {
            links.add(0, link("/", "the console: the choreography, live"));
        }
        if (endpoints.servesMailbox()) {
            links.add(link("/mail", "captured mail"));
        }
        links.add(link("/actuator/health", "health"));
        String page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Troupe</title>
            <style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
            code{background:#f3f3f3;padding:0 .25rem}</style></head>
            <body>
            <h1>Troupe</h1>
            <p>An event-choreographed user-management system: a registration commits the user and its
            <code>user_created</code> event together, and the mailer, the coupons and the gateway each react to it
            on their own queue of <code>event_exchange</code>.</p>
            <h2>This process runs</h2>
            <p>%s</p>
            <h2>Here</h2>
            <ul>
            %s
            </ul>
            </body></html>
            """.formatted(HtmlUtils.htmlEscape(String.join(", ", settings.services())),
            String.join("\n", links.stream().map(item -> "<li>" + item + "</li>").toList()));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
    }

    private static String link(String href, String text) {
        return "<a href=\"" + HtmlUtils.htmlEscape(href) + "\">" + HtmlUtils.htmlEscape(text) + "</a>";
    }
}
