package dev.troupe.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.AuthenticationException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two chains. The console's pages and the captured mail: an admin login (a form; no HTTP Basic,
 * whose answer makes a browser ask for a password on its own), CSRF protection of every action (the page sends the token from its cookie), and
 * {@link AdminAccess} on what acts or shows personal data ({@code /console/admin/**}, {@code /mail}).
 * Everything else, the seed's APIs first, stays as open as it was: no login, no session, no CSRF
 * token a client in another language would have to learn (the admin API keeps its bearer token).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminLogin.class)
public class SecurityConfiguration {

    /** The paths the console's chain covers; the other chain takes every other request. */
    static final String[] CONSOLE = {"/", "/console/**", "/mail", "/mail/**", "/login", "/logout"};

    @Bean
    AdminAccess adminAccess(AdminLogin login) {
        return new AdminAccess(login);
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http, AdminAccess access, AdminLogin login, JsonMapper json) throws Exception {
        http.securityMatcher(CONSOLE)
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/console/admin/**", "/mail", "/mail/**").access(access)
                .anyRequest().permitAll())
            .csrf(csrf -> csrf.spa())
            .formLogin(Customizer.withDefaults())
            .logout(logout -> logout.logoutSuccessUrl("/"))
            .exceptionHandling(refusals -> refusals.accessDeniedHandler((request, response, denied) ->
                Problems.write(response, json, HttpStatus.FORBIDDEN, "Forbidden", denied instanceof CsrfException
                    ? "An action needs the page's CSRF token: the XSRF-TOKEN cookie's value in an X-XSRF-TOKEN header"
                    : "Only the admin may do this")));
        if (!login.configured()) {
            // no password: no login can succeed, so another host is told why instead of sent to the login form
            http.exceptionHandling(refusals -> refusals.authenticationEntryPoint(SecurityConfiguration::onlyThisMachine));
        }
        return http.build();
    }

    private static void onlyThisMachine(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException refused) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
            {"type":"about:blank","title":"Forbidden","status":403,"detail":"No admin password is configured             (troupe.admin.password), so actions and personal data are served only to requests from this machine"}""");
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

    @Bean
    @Order(2)
    SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.disable())
            .headers(headers -> headers.disable())
            .requestCache(cache -> cache.disable())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .build();
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
