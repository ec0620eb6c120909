package dev.troupe.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The console's way to the services' own APIs, behind its admin rule: {@code /console/admin/api/users/}
 * is {@code /users/} of the users service, and so on for the few APIs the console acts through. The
 * console is a service like the others and reaches them as any client does, over HTTP (in the
 * all-in-one process, its own port), rather than through their classes; the admin API's bearer
 * token is added where one is configured.
 */
@Hidden
@RestController
public class ApiPassage {

    static final String PREFIX = "/console/admin/api";
    /** The APIs the console acts through; nothing else passes. */
    private static final List<String> PASSABLE = List.of("/users/", "/coupons/", "/external_users/",
        "/admin/parked");

    private final Supplier<URI> base;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiPassage(Supplier<URI> base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
    }

    @RequestMapping(PREFIX + "/**")
    ResponseEntity<byte[]> pass(HttpServletRequest request) throws IOException, InterruptedException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        if (!passable(path)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The console passes nothing to " + path);
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        HttpRequest.Builder onward = HttpRequest.newBuilder(base.get().resolve(path + query)).timeout(Duration.ofSeconds(30))
            .method(request.getMethod(), HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes()));
        for (String header : List.of("Content-Type", "Accept", "Prefer")) {
            if (request.getHeader(header) != null) {
                onward.header(header, request.getHeader(header));
            }
        }
        if (adminToken != null && path.startsWith("/admin/")) {
            onward.header("Authorization", "Bearer " + adminToken);
        }
        HttpResponse<byte[]> answer = http.send(onward.build(), HttpResponse.BodyHandlers.ofByteArray());
        ResponseEntity.BodyBuilder back = ResponseEntity.status(answer.statusCode());
        for (String header : List.of("Content-Type", "Location", "Content-Location")) {
            answer.headers().firstValue(header).ifPresent(value -> back.header(header, value));
        }
        return back.body(answer.body());
    }

    /**
     * Only a path already in its plain form under one of the passable APIs: nothing encoded, no
     * parameters, no dot segments, no doubled slash; checked here rather than trusted to the
     * firewall in front, so that no spelling of a path reaches an API the console does not act through.
     */
    static boolean passable(String path) {
        if (path.contains("%") || path.contains(";") || path.contains("//") || path.contains("\\")) {
            return false;
        }
        try {
            return URI.create(path).normalize().getPath().equals(path) && PASSABLE.stream().anyMatch(path::startsWith);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
