package dev.troupe.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slows the guessing of the admin's password: after {@value #FREE_FAILURES} wrong logins from one
 * address, that address waits before its next try, a wait that doubles with every further failure
 * up to {@link #LONGEST_WAIT}; a login that succeeds forgets its failures. Spring Security says
 * what happened (its authentication events); {@link #filter} answers a waiting address's login
 * with 429 and Retry-After before any password is checked.
 * <p>
 * The state is written here rather than taken from a rate limiter such as Bucket4j: a bucket
 * refills at a steady rate, while this wait grows with the failures and ends with a success, and
 * is a count and an instant per address, kept in a bounded map (the oldest address dropped first,
 * so that many addresses cannot fill the memory).
 */
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int ADDRESSES = 10_000;

    private record Failures(int count, Instant until) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > ADDRESSES;
        }
    };

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code address} must still wait before its next login; empty if it need not. */
    public synchronized Optional<Duration> remainingWait(String address) {
        Failures known = failures.get(address);
        Instant now = clock.instant();
        return known == null || !known.until().isAfter(now) ? Optional.empty()
            : Optional.of(Duration.between(now, known.until()));
    }

    synchronized void failed(String address) {
        int count = failures.containsKey(address) ? failures.get(address).count() + 1 : 1;
        failures.put(address, new Failures(count, clock.instant().plus(waitAfter(count))));
    }

    synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private static Duration waitAfter(int count) {
        if (count < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = count - FREE_FAILURES;
        return doublings >= 20 ? LONGEST_WAIT : min(FIRST_WAIT.multipliedBy(1L << doublings), LONGEST_WAIT);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        if (failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failed(details.getRemoteAddress());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            succeeded(details.getRemoteAddress());
        }
    }

    /** Answers a login from an address that must wait with 429, before its password is looked at. */
    OncePerRequestFilter filter(String loginPath, JsonMapper json) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
                Optional<Duration> waiting = "POST".equals(request.getMethod()) && loginPath.equals(request.getServletPath())
                    ? remainingWait(request.getRemoteAddr()) : Optional.empty();
                if (waiting.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                long seconds = Math.max(1, (waiting.get().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                Problems.write(response, json, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                    "Too many wrong logins from this address: try again in " + seconds + " s");
            }
        };
    }
}
