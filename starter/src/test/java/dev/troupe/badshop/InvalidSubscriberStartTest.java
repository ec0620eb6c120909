package dev.troupe.badshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A subscriber found by the component scan whose handler cannot be called stops the start with
 * Boot's short failure report naming the class and the method, before any message is taken.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSubscriberStartTest {

    @Test
    void aHandlerThatCannotBeCalledStopsTheStartNamingIt(CapturedOutput output) {
        SpringApplication application = new SpringApplication(BadShop.class);
        application.setDefaultProperties(java.util.Map.of(
            "spring.datasource.url", "jdbc:h2:mem:bad-shop;DB_CLOSE_DELAY=-1",
            "troupe.embedded.data-dir", "target/bad-shop-" + java.util.UUID.randomUUID(),
            "spring.main.web-application-type", "none",
            "spring.rabbitmq.publisher-confirm-type", "correlated",
            "spring.rabbitmq.publisher-returns", "true",
            "spring.rabbitmq.template.mandatory", "true"));

        assertThatThrownBy(() -> application.run()).hasRootCauseInstanceOf(dev.troupe.messaging.InvalidSubscriberException.class);

        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("The subscriber dev.troupe.badshop.BadShop$Refunds: @Handler refund(String) must take one event,"
                + " a record with a @Route")
            .contains("Give each @Handler method of a @Subscriber one parameter");
    }
}
