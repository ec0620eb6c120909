package dev.troupe.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.FormLogin;
import dev.troupe.support.TroupeIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With an admin password configured: logins throttled by address, the actuator's details and
 * metrics for the admin alone, and the console's pages sent with a content policy and no referrer.
 */
@TestPropertySource(properties = {"troupe.admin.user=keeper", "troupe.admin.password=s3cret-for-the-test"})
class ConsoleHardeningIT extends TroupeIT {

    private static final String PASSWORD = "s3cret-for-the-test";

    private final HttpClient browser = FormLogin.browser();

    @Test
    void afterAFewWrongPasswordsTheLoginWaitsLongerEachTimeUntilTheRightOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("guess-" + i).headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        HttpResponse<String> throttled = logIn(PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        long first = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(json.readTree(throttled.body()).path("status").asInt()).isEqualTo(429);

        // once the wait is over, one more wrong password: a longer wait
        eventually().until(() -> logIn("guess-again").statusCode() != 429);
        HttpResponse<String> longer = logIn(PASSWORD);
        assertThat(longer.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(longer.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(first);

        eventually().until(() -> logIn(PASSWORD).statusCode() != 429);
        assertThat(get("/console/admin/access").statusCode()).isEqualTo(200);
        assertThat(logIn("a-slip").headers().firstValue("Location").orElse("")).as("a success forgets the failures")
            .endsWith("/login?error");
    }

    @Test
    void theAnonymousSeeOnlyWhetherItIsUpAndTheAdminSeesAll() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode anonymous = json.readTree(health.body());
        assertThat(anonymous.propertyNames()).containsExactly("status");
        assertThat(anonymous.path("status").asString()).isEqualTo("UP");
        HttpResponse<String> metrics = get("/actuator/metrics");
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/actuator/metrics/troupe.messaging.outbox.pending").statusCode()).isEqualTo(401);

        // the login comes from another client than the throttle test's, but from the same address: forget it
        HttpClient admin = FormLogin.browser();
        eventually().until(() -> logIn(admin, PASSWORD).statusCode() != 429);
        assertThat(json.readTree(get(admin, "/actuator/health").body()).path("components").path("db").path("status").asString())
            .isEqualTo("UP");
        assertThat(get(admin, "/actuator/metrics/troupe.messaging.outbox.pending").statusCode()).isEqualTo(200);
    }

    @Test
    void theConsolesPagesCarryAContentPolicyAndNoReferrer() throws Exception {
        for (String path : new String[] {"/", "/login", "/console/map", "/console/console.js"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-eval");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    private HttpResponse<String> logIn(String password) throws Exception {
        return logIn(browser, password);
    }

    private HttpResponse<String> logIn(HttpClient client, String password) throws Exception {
        return FormLogin.logIn(client, "http://localhost:" + port, "keeper", password);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(browser, path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
