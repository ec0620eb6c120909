package dev.troupe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With no admin password configured, a request from this machine ({@link LocalRequest}) is the
 * admin's, for this one request (nothing is saved to a session): what Boot's actuator asks of a
 * user ({@code management.endpoint.health.show-details=when-authorized}, roles) then holds for it
 * as it does for the admin logged in where there is a password.
 */
class LocalAdmin extends OncePerRequestFilter {

    private static final String PRINCIPAL = "this machine";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (LocalRequest.isLocal(request)) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + AdminAccess.ROLE))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
