package dev.troupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The broker's address in the start-up report is a URI a reader can paste: a virtual host after a slash, encoded. */
class StartupReportTest {

    @Test
    void theVirtualHostFollowsASlash() {
        assertThat(StartupReport.path("/")).isEqualTo("/");
        assertThat(StartupReport.path("kit_vhost")).isEqualTo("/kit_vhost");
        assertThat(StartupReport.path("/shop")).isEqualTo("/%2Fshop");
        assertThat(StartupReport.path("two words")).isEqualTo("/two%20words");
    }
}
