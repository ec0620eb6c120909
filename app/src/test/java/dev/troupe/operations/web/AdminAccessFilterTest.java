package dev.troupe.operations.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class AdminAccessFilterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void withoutATokenOnlyLocalRequestsPass() throws Exception {
        AdminAccessFilter filter = new AdminAccessFilter(null, json);
        assertThat(status(filter, "127.0.0.1", null)).isEqualTo(200);
        assertThat(status(filter, "::1", null)).isEqualTo(200);
        assertThat(status(filter, "10.1.2.3", null)).isEqualTo(403);
    }

    @Test
    void withoutATokenAnotherHostsNameOrAForeignOriginIsNotLocal() throws Exception {
        AdminAccessFilter filter = new AdminAccessFilter(null, json);
        // a name rebound to 127.0.0.1: loopback, but not this machine's name
        assertThat(status(filter, request("GET", "127.0.0.1", "evil.example", null))).isEqualTo(403);
        assertThat(status(filter, withHeader(request("GET", "127.0.0.1", "localhost", null), "Origin", "https://evil.example")))
            .isEqualTo(403);
        assertThat(status(filter, withHeader(request("GET", "127.0.0.1", "localhost", null), "Origin", "null"))).isEqualTo(403);
        assertThat(status(filter, withHeader(request("GET", "127.0.0.1", "localhost", null), "Origin", "http://localhost:3000")))
            .isEqualTo(200);
    }

    @Test
    void anActionFromAnotherSiteIsRefusedEvenWithTheToken() throws Exception {
        AdminAccessFilter filter = new AdminAccessFilter("s3cret", json);
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(status(filter, withHeader(request(method, "10.1.2.3", "troupe.example", "Bearer s3cret"),
                "Origin", "https://evil.example"))).as(method).isEqualTo(403);
            assertThat(status(filter, withHeader(request(method, "10.1.2.3", "troupe.example", "Bearer s3cret"),
                "Sec-Fetch-Site", "cross-site"))).as(method).isEqualTo(403);
        }
        // its own origin (Swagger UI served by the same host) is no other site
        assertThat(status(filter, withHeader(request("POST", "10.1.2.3", "troupe.example", "Bearer s3cret"),
            "Origin", "http://troupe.example"))).isEqualTo(200);
        assertThat(status(filter, withHeader(request("GET", "10.1.2.3", "troupe.example", "Bearer s3cret"),
            "Sec-Fetch-Site", "cross-site"))).isEqualTo(200);
    }

    @Test
    void withATokenOnlyRequestsBearingItPass() throws Exception {
        AdminAccessFilter filter = new AdminAccessFilter("s3cret", json);
        assertThat(status(filter, "10.1.2.3", "Bearer s3cret")).isEqualTo(200);
        assertThat(status(filter, "127.0.0.1", null)).isEqualTo(401);
        assertThat(status(filter, "127.0.0.1", "Bearer wrong")).isEqualTo(401);
        assertThat(status(filter, "127.0.0.1", "Basic czNjcmV0")).isEqualTo(401);
    }

    @Test
    void checksEveryRequestRoutedToIt() throws Exception {
        // the container routes by the decoded path; the filter must not skip on the raw one
        AdminAccessFilter filter = new AdminAccessFilter("s3cret", json);
        for (String uri : new String[] {"/%61dmin/parked", "/admin;x=1/parked", "/ADMIN/parked"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
            request.setRemoteAddr("127.0.0.1");
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).as(uri).isEqualTo(401);
        }
    }

    private static int status(AdminAccessFilter filter, String remote, String authorization) throws Exception {
        return status(filter, request("GET", remote, "localhost", authorization));
    }

    private static MockHttpServletRequest request(String method, String remote, String host, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/admin/parked");
        request.setRemoteAddr(remote);
        request.setServerName(host);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private static MockHttpServletRequest withHeader(MockHttpServletRequest request, String name, String value) {
        request.addHeader(name, value);
        return request;
    }

    private static int status(AdminAccessFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
