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
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request body sent without a Content-Type as JSON, as the seed's FastAPI service does
 * (a client that sets no header at all works against both; note that {@code curl -d} alone
 * declares a form). A body declared as anything other than JSON is still refused, with 415.
 */
class JsonByDefaultFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        boolean untyped = request.getContentType() == null && (request.getContentLengthLong() > 0
            || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null);
        chain.doFilter(untyped ? new JsonRequest(request) : request, response);
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
