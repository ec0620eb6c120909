package dev.troupe.web;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import java.util.List;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Which HTTP requests are observed (traced and timed): the services' APIs. Not the console's own
 * requests, which a page makes every second (its actions reach the APIs, which are traced), nor
 * health checks, documentation and static files: in a trace list they would bury the requests a
 * person looks for.
 */
public class TracedRequests implements ObservationPredicate {

    private static final List<String> UNTRACED = List.of("/actuator", "/console/", "/mail", "/swagger-ui", "/v3/api-docs",
        "/asyncapi.json", "/login", "/logout", "/about", "/favicon");

    @Override
    public boolean test(String name, Observation.Context context) {
        if (context instanceof ServerRequestObservationContext request) {
            return traced(request.getCarrier().getRequestURI());
        }
        return true;
    }

    static boolean traced(String path) {
        if (path == null || path.equals("/")) {
            return false;
        }
        return UNTRACED.stream().noneMatch(path::startsWith);
    }
}
