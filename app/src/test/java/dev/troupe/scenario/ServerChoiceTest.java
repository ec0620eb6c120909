package dev.troupe.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerChoiceTest {

    @Test
    void withNoServerNamedTheRunIsOnTheEmbeddedOnes() {
        assertThat(ServerChoice.of(Map.of(), Map.of("PATH", "/usr/bin")).real()).isFalse();
    }

    @Test
    void aBrokerOrADatabaseNamedMakesItReal() {
        assertThat(ServerChoice.of(Map.of("spring.rabbitmq.host", "rabbit"), Map.of()).real()).isTrue();
        assertThat(ServerChoice.of(Map.of(), Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/x")).real()).isTrue();
        assertThat(ServerChoice.of(Map.of(), Map.of("TROUPE_RABBITMQ_HOST", "rabbit")).real()).isTrue();
    }

    @Test
    void theCommandLineWinsOverTheStandardVariablesWhichWinOverTroupes() {
        ServerChoice choice = ServerChoice.of(Map.of("spring.rabbitmq.host", "given"),
            Map.of("SPRING_RABBITMQ_HOST", "standard", "TROUPE_RABBITMQ_HOST", "troupe",
                "SPRING_DATASOURCE_USERNAME", "standard", "TROUPE_POSTGRES_USER", "troupe", "TROUPE_POSTGRES_URL", "jdbc:x"));

        assertThat(choice.named()).containsEntry("spring.rabbitmq.host", "given")
            .containsEntry("spring.datasource.username", "standard").containsEntry("spring.datasource.url", "jdbc:x");
    }

    @Test
    void aBlankValueNamesNothing() {
        assertThat(ServerChoice.of(Map.of(), Map.of("SPRING_RABBITMQ_HOST", " ")).real()).isFalse();
    }

    @Test
    void aPortThatIsNoPortIsSaidAsSuch() {
        assertThatThrownBy(() -> ServerChoice.of(Map.of("spring.rabbitmq.port", "amqp"), Map.of()))
            .hasMessage("spring.rabbitmq.port is a port (1 to 65535), not 'amqp'");
    }
}
