package dev.troupe.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    @Test
    void readsTheWaitPreference() {
        assertThat(Preferences.waitOf("wait=5")).contains(Duration.ofSeconds(5));
        assertThat(Preferences.waitOf("respond-async, wait=10")).contains(Duration.ofSeconds(10));
        assertThat(Preferences.waitOf("handling=lenient; x=1, WAIT = 3")).contains(Duration.ofSeconds(3));
        assertThat(Preferences.waitOf("wait=\"2\"")).contains(Duration.ofSeconds(2));
    }

    @Test
    void ignoresAbsentOrUnreadableWaits() {
        assertThat(Preferences.waitOf(null)).isEmpty();
        assertThat(Preferences.waitOf("respond-async")).isEmpty();
        assertThat(Preferences.waitOf("wait=soon")).isEmpty();
        assertThat(Preferences.waitOf("wait=-1")).isEmpty();
    }
}
