package dev.troupe.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.web.AdminAccess;
import dev.troupe.web.AdminLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The admin rule alone: who may act and see personal data, with and without a password. */
class AdminAccessTest {

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withNoPasswordOnlyThisMachineMay() {
        AdminAccess access = new AdminAccess(new AdminLogin("admin", null));

        assertThat(access.allows(from("127.0.0.1"))).isTrue();
        assertThat(access.allows(from("::1"))).isTrue();
        assertThat(access.allows(from("192.0.2.7"))).isFalse();
    }

    @Test
    void withNoPasswordAnotherSitesNameResolvedToThisMachineMayNot() {
        MockHttpServletRequest rebound = from("127.0.0.1");
        rebound.setServerName("evil.example");

        assertThat(new AdminAccess(new AdminLogin("admin", null)).allows(rebound)).isFalse();
    }

    @Test
    void withNoPasswordAPageOfAnotherOriginMayNot() {
        MockHttpServletRequest posted = from("127.0.0.1");
        posted.addHeader("Origin", "https://evil.example");
        MockHttpServletRequest sandboxed = from("127.0.0.1");
        sandboxed.addHeader("Origin", "null");

        AdminAccess access = new AdminAccess(new AdminLogin("admin", null));
        assertThat(access.allows(posted)).isFalse();
        assertThat(access.allows(sandboxed)).isFalse();
    }

    @Test
    void withAPasswordOnlyTheAdminLoggedInMayEvenFromThisMachine() {
        AdminAccess access = new AdminAccess(new AdminLogin("admin", "secret"));

        assertThat(access.allows(from("127.0.0.1"))).isFalse();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", null, "ROLE_USER"));
        assertThat(access.allows(from("127.0.0.1"))).isFalse();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
        assertThat(access.allows(from("192.0.2.7"))).isTrue();
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        request.setServerName("localhost");
        return request;
    }
}
