package dev.troupe.examples.loyalty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A loyalty programme beside Troupe: every user Troupe registers gets an account here, and the rest
 * of the world hears of it through {@code loyalty_account_opened}. The component scan finds the
 * subscriber ({@link Enrolment}) and the scan of properties finds {@link LoyaltySettings}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LoyaltyApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoyaltyApplication.class, args);
    }
}
