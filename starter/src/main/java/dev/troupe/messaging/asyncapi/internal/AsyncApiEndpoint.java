package dev.troupe.messaging.asyncapi.internal;

import dev.troupe.messaging.asyncapi.AsyncApiDocument;

import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /asyncapi.json}: the {@link AsyncApiDocument}. A functional route rather than a
 * controller, so that an OpenAPI generator reading the application's controllers (springdoc)
 * does not list it as one of the application's APIs.
 */
public class AsyncApiEndpoint implements RouterFunction<ServerResponse> {

    private final RouterFunction<ServerResponse> route;

    public AsyncApiEndpoint(AsyncApiDocument document) {
        this.route = RouterFunctions.route()
            .GET(AsyncApiDocument.PATH, request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(document.bytes()))
            .build();
    }

    @Override
    public Optional<HandlerFunction<ServerResponse>> route(ServerRequest request) {
        return route.route(request);
    }

    @Override
    public void accept(RouterFunctions.Visitor visitor) {
        route.accept(visitor);
    }
}
