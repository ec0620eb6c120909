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
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/parked");
        request.setRemoteAddr(remote);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
