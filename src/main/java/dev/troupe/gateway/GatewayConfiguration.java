package dev.troupe.gateway;

import dev.troupe.ConditionalOnService;
import dev.troupe.Services;
import dev.troupe.gateway.web.ExternalUserController;
import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.Envelopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway: the seed's external_user_api, turning HTTP requests into commands on the broker. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnService(Services.GATEWAY)
public class GatewayConfiguration {

    @Bean
    CommandPublisher commandPublisher(ConfirmedPublisher publisher, Envelopes envelopes) {
        return new CommandPublisher(publisher, envelopes);
    }

    @Bean
    ExternalUserController externalUserController(CommandPublisher commands) {
        return new ExternalUserController(commands);
    }
}
