package dev.troupe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query (or form) Tomcat cannot decode, {@code ?a=%zz}, with 400 before anything reads
 * it: Tomcat 11 throws from {@code getParameter} then, wherever it is first called, and an
 * exception escaping the servlet is logged as an ERROR with its stack for what is a client's typo.
 */
class ParametersCheckFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    ParametersCheckFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            Problems.write(response, json, HttpStatus.BAD_REQUEST, "Malformed parameters",
                "A query or form parameter is not well encoded (a % must be followed by two hexadecimal digits)");
            return;
        }
        chain.doFilter(request, response);
    }
}
