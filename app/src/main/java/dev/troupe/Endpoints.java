package dev.troupe;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What this process serves over HTTP, read from Spring MVC's own mappings rather than from the
 * list of services, so the start-up report and the home page can never name a route that is not
 * here (the gateway on its own serves no {@code /users/}).
 */
final class Endpoints {

    /** Pages every process has, or that the home page lists on lines of their own. */
    private static final List<String> NOT_APIS = List.of("/error", "/v3/api-docs", "/swagger-ui", "/mail", "/actuator",
        "/about", "/console");

    private final Set<String> apis = new TreeSet<>();
    private final Set<String> readable = new TreeSet<>();
    private final boolean mailbox;
    private final boolean console;

    /** @param mappings the application's request mappings, or null where it runs no web server */
    Endpoints(RequestMappingHandlerMapping mappings) {
        Set<String> patterns = new TreeSet<>();
        Map<RequestMappingInfo, HandlerMethod> handlers = mappings == null ? Map.of() : mappings.getHandlerMethods();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlers.entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
            patterns.addAll(mapping.getKey().getPatternValues());
            if (get && !needsQuery(mapping.getValue())) {
                readable.addAll(mapping.getKey().getPatternValues());
            }
        }
        mailbox = patterns.contains("/mail");
        console = patterns.contains("/console/feed");
        for (String pattern : patterns) {
            String path = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
            if (!path.isEmpty() && !path.contains("{") && NOT_APIS.stream().noneMatch(path::startsWith)) {
                // the collection as a client writes it: with the trailing slash where the route has one (the seed's /users/)
                apis.add(patterns.contains(path + "/") ? path + "/" : path);
            }
        }
    }

    /** The entry points of the APIs here, as a client writes them: {@code /users/} where the route has a trailing slash. */
    Set<String> apis() {
        return apis;
    }

    /** A GET that answers 400 without a query parameter (/coupons/ needs ?user_id=) is no link to follow. */
    private static boolean needsQuery(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
            .map(parameter -> parameter.getParameterAnnotation(RequestParam.class))
            .anyMatch(query -> query != null && query.required() && ValueConstants.DEFAULT_NONE.equals(query.defaultValue()));
    }

    /** Whether a browser can open it: some routes take only POST or DELETE (the gateway's /external_users/), or need a query. */
    boolean readable(String path) {
        return readable.contains(path);
    }

    boolean servesApi() {
        return !apis.isEmpty();
    }

    /** Whether the console is here (at {@code /}). */
    boolean servesConsole() {
        return console;
    }

    /** Whether the embedded mail catcher's page is here. */
    boolean servesMailbox() {
        return mailbox;
    }
}
