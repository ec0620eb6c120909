package dev.troupe.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may act, and see personal data, in the console and the captured mail: the admin, logged in,
 * where a password is configured; where none is, any request from this machine and no other
 * ({@link LocalRequest}, as the admin API does with no token). Everything else the console shows is for anyone.
 */
public class AdminAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final String ROLE = "ADMIN";

    private final boolean passwordSet;

    public AdminAccess(AdminLogin login) {
        this.passwordSet = login.configured();
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(allows(authentication.get(), context.getRequest()));
    }

    /** Whether this request, from whoever is logged in now, may see personal data. */
    public boolean allows(HttpServletRequest request) {
        return allows(SecurityContextHolder.getContext().getAuthentication(), request);
    }

    private boolean allows(Authentication authentication, HttpServletRequest request) {
        if (!passwordSet) {
            return LocalRequest.isLocal(request);
        }
        return authentication != null && authentication.isAuthenticated()
            && authentication.getAuthorities().stream().anyMatch(granted -> granted.getAuthority().equals("ROLE_" + ROLE));
    }
}
