package dev.troupe.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's passage lets through only plain paths under the APIs it acts through, whatever their spelling. */
class ApiPassageTest {

    @ParameterizedTest
    @ValueSource(strings = {"/users/", "/users/0193c1f2-8a6e-7b3c-9d4e-5f6a7b8c9d0e", "/coupons/", "/external_users/",
        "/external_users/0193c1f2-8a6e-7b3c-9d4e-5f6a7b8c9d0e", "/admin/parked", "/admin/parked/replay"})
    void aPlainPathUnderAnApiItActsThroughPasses(String path) {
        assertThat(ApiPassage.passable(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/anything", "/users/../admin/token", "/users/%2e%2e/actuator", "/users/;x=1",
        "/users//x", "/users/./", "/users\\\\..\\\\actuator", "/actuator/health", "/admin/other", "/users/a b", ""})
    void anythingElseOrAnotherSpellingDoesNot(String path) {
        assertThat(ApiPassage.passable(path)).isFalse();
    }
}
