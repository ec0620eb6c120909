package dev.troupe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body sent without a Content-Type as JSON, as the seed's FastAPI service does
 * (a client that sets no header at all works against both; note that {@code curl -d} alone
 * declares a form). A body declared as anything other than JSON is still refused, with 415; so is
 * one declared with a pattern rather than a type ({@code application/*}, {@code *}{@code /*}), which
 * Spring MVC cannot read a body as and would answer with 500.
 */
class JsonByDefaultFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    JsonByDefaultFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        String type = request.getContentType();
        // a POST, PUT, PATCH or DELETE may declare a body it then sends empty: its declared type counts too
        if (type != null && (body || LocalRequest.changesState(request)) && !concrete(type)) {
            Problems.write(response, json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                "Content-Type names no type a body can be read as; send application/json (or no Content-Type)");
            return;
        }
        chain.doFilter(type == null && body ? new JsonRequest(request) : request, response);
    }

    /** A type with no wildcard in it; an unreadable one is left for Spring MVC, which refuses it with 415. */
    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return true;
        }
    }

    private static final class JsonRequest extends HttpServletRequestWrapper {

        JsonRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                ? Collections.enumeration(java.util.List.of(getContentType())) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.List<String> names = Collections.list(super.getHeaderNames());
            names.add(HttpHeaders.CONTENT_TYPE);
            return Collections.enumeration(names);
        }
    }
}
