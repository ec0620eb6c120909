package dev.troupe.operations.web;

import dev.troupe.web.LocalRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards {@code /admin/**}: with {@code troupe.admin.token} configured, only requests bearing it;
 * with none configured, only requests from this machine ({@link LocalRequest}, the console's rule
 * too); and never an action (POST, PUT, PATCH, DELETE) another site's page sent, token or not. One shared secret is all the admin API
 * needs, so this small filter stands in for a security framework. It is mapped to {@code /admin/*}
 * and checks every request the container routes to it: the container matches the decoded,
 * normalised path, so {@code /%61dmin/} or {@code /admin;x/} cannot slip past.
 */
public class AdminAccessFilter extends OncePerRequestFilter {

    private final String token;
    private final JsonMapper json;

    public AdminAccessFilter(String token, JsonMapper json) {
        this.token = token == null || token.isBlank() ? null : token;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (token != null) {
            if (!bears(request, token)) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"troupe-admin\"");
                refuse(response, HttpStatus.UNAUTHORIZED, "The admin API needs the configured bearer token");
                return;
            }
        } else if (!LocalRequest.isLocal(request)) {
            refuse(response, HttpStatus.FORBIDDEN, "With no troupe.admin.token configured, the admin API answers only requests "
                + "from this machine that name it (localhost) and come from no other site's page");
            return;
        }
        if (LocalRequest.changesState(request) && LocalRequest.isCrossSite(request)) {
            refuse(response, HttpStatus.FORBIDDEN, "The admin API takes no action a page of another site sent");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean bears(HttpServletRequest request, String token) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
            token.getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", status.getReasonPhrase(),
            "status", status.value(), "detail", detail));
    }
}
