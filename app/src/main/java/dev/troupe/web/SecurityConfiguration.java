package dev.troupe.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three chains. The console's pages and the captured mail: an admin login (a form; no HTTP Basic,
 * whose answer makes a browser ask for a password on its own), throttled by address
 * ({@link LoginThrottle}); CSRF protection of every action (the page sends the token from its
 * cookie); {@link AdminAccess} on what acts or shows personal data ({@code /console/admin/**},
 * {@code /mail}); a content policy. The actuator: whether Troupe is up for anyone, its details and
 * metrics for the admin only (by the same rule). Everything else, the seed's APIs first, stays as
 * open as it was: no login, no session, no CSRF token a client in another language would have to
 * learn (the admin API keeps its bearer token). Every refusal is a problem document.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminLogin.class)
public class SecurityConfiguration {

    /** The paths the console's chain covers; the other chains take every other request. */
    static final String[] CONSOLE = {"/", "/console/**", "/mail", "/mail/**", "/login", "/logout"};

    /**
     * The console's own files only, and no other site framing it. Styles inline are allowed: the
     * captured mail's frame (srcdoc) inherits this policy, and mails, the mail page and Spring
     * Security's login page are styled inline; scripts are not.
     */
    static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    AdminAccess adminAccess(AdminLogin login) {
        return new AdminAccess(login);
    }

    /**
     * Spring Security observes nothing here: its steps are not part of the choreography's story
     * (their spans were already off by {@code management.observations.enable.spring.security}), and
     * without this its filter chains are still wrapped, filter by filter, in observation decorators
     * on every request: 0.5-0.9 % of Troupe's CPU under load in the benchmark's profile.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    LoginThrottle loginThrottle() {
        return new LoginThrottle(Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http, AdminAccess access, AdminLogin login, LoginThrottle throttle,
                                     JsonMapper json) throws Exception {
        http.securityMatcher(CONSOLE)
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/console/admin/**", "/mail", "/mail/**").access(access)
                .anyRequest().permitAll())
            .csrf(csrf -> csrf.spa())
            .formLogin(Customizer.withDefaults())
            .logout(logout -> logout.logoutSuccessUrl("/"))
            .addFilterBefore(throttle.filter("/login", json), UsernamePasswordAuthenticationFilter.class)
            .headers(headers -> headers
                .contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
            .exceptionHandling(refusals -> refusals.accessDeniedHandler(denied(json)));
        if (!login.configured()) {
            // no password: no login can succeed, so another host is told why instead of sent to the login form
            http.exceptionHandling(refusals -> refusals.authenticationEntryPoint(onlyThisMachine(json)));
        }
        return http.build();
    }

    /**
     * Health answers anyone, with its details only to the admin
     * ({@code management.endpoint.health.show-details=when-authorized}); the other endpoints answer
     * the admin only. With no password, this machine is the admin, as in the console.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, AdminAccess access, AdminLogin login, JsonMapper json)
        throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
            .authorizeHttpRequests(requests -> requests
                .requestMatchers(EndpointRequest.to("health")).permitAll()
                .anyRequest().access(access))
            .csrf(csrf -> csrf.disable()) // every endpoint exposed only reads
            .requestCache(cache -> cache.disable())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
            .exceptionHandling(refusals -> refusals.accessDeniedHandler(denied(json))
                .authenticationEntryPoint(login.configured() ? logInFirst(json) : onlyThisMachine(json)));
        if (!login.configured()) {
            http.addFilterBefore(new LocalAdmin(), AuthorizationFilter.class);
        }
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.disable())
            .headers(headers -> headers.disable())
            .requestCache(cache -> cache.disable())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .build();
    }

    /**
     * The firewall's refusal (an encoded dot segment, a doubled slash, a path parameter...) as a
     * problem document; Spring Security picks this bean up for every chain.
     */
    @Bean
    RequestRejectedHandler problemOnRejection(JsonMapper json) {
        return (request, response, rejected) -> Problems.write(response, json, HttpStatus.BAD_REQUEST, "Bad Request",
            rejected.getMessage());
    }

    private static AccessDeniedHandler denied(JsonMapper json) {
        return (request, response, denied) -> Problems.write(response, json, HttpStatus.FORBIDDEN, "Forbidden",
            denied instanceof CsrfException
                ? "An action needs the page's CSRF token: the XSRF-TOKEN cookie's value in an X-XSRF-TOKEN header"
                : "Only the admin may do this");
    }

    private static AuthenticationEntryPoint onlyThisMachine(JsonMapper json) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) ->
            Problems.write(response, json, HttpStatus.FORBIDDEN, "Forbidden", "No admin password is configured "
                + "(troupe.admin.password), so actions, personal data and metrics are served only to requests from this machine");
    }

    private static AuthenticationEntryPoint logInFirst(JsonMapper json) {
        return (request, response, refused) -> Problems.write(response, json, HttpStatus.UNAUTHORIZED, "Unauthorized",
            "Only the admin, logged in at /login, may see this");
    }

    /** The admin where a password is configured; no one otherwise (and never Spring Boot's generated user). */
    @Bean
    UserDetailsService adminUsers(AdminLogin login, PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (login.configured()) {
            users.createUser(User.withUsername(login.user()).password(encoder.encode(login.password()))
                .roles(AdminAccess.ROLE).build());
        }
        return users;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
