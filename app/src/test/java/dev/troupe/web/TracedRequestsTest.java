package dev.troupe.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The services' APIs are traced; the console's own requests, health checks and documentation are not. */
class TracedRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/external_users/", "/external_users/requests/r-1", "/users/", "/coupons", "/admin/parked"})
    void anApiRequestIsTraced(String path) {
        assertThat(TracedRequests.traced(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/console/map", "/console/admin/api/users/", "/console/console.js", "/actuator/health",
        "/mail/messages", "/swagger-ui/index.html", "/v3/api-docs", "/asyncapi.json", "/login",
        "/about"})
    void theConsolesOwnRequestsAndTheRestAreNot(String path) {
        assertThat(TracedRequests.traced(path)).isFalse();
    }
}
