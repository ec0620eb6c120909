package dev.troupe.gateway;

import dev.troupe.TroupeService;
import dev.troupe.TroupeSettings;
import dev.troupe.users.UsersConfiguration;
import dev.troupe.gateway.amqp.RequestStatusListener;
import dev.troupe.gateway.web.ExternalUserController;
import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.RpcClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The gateway: the seed's external_user_api, turning HTTP requests into commands on the broker. */
@TroupeService(name = GatewayConfiguration.NAME)
@EnableConfigurationProperties(GatewaySettings.class)
public class GatewayConfiguration {

    /** Its name in {@code troupe.services}. */
    public static final String NAME = "gateway";

    @Bean
    RequestLog requestLog(JdbcClient jdbc, Clock clock) {
        return new RequestLog(jdbc, clock);
    }

    @Bean
    CommandPublisher commandPublisher(ConfirmedPublisher publisher, Envelopes envelopes, RequestLog requests,
                                      RpcClient rpc, JsonMapper json, MessagingSettings settings) {
        return new CommandPublisher(publisher, envelopes, requests, rpc, json, settings.confirmTimeout());
    }

    @Bean
    RequestStatusListener requestStatusListener(RequestLog requests) {
        return new RequestStatusListener(requests);
    }

    @Bean
    ExternalUserController externalUserController(CommandPublisher commands, RequestLog requests,
                                                  GatewaySettings settings, TroupeSettings troupe) {
        return new ExternalUserController(commands, requests, usersUrl(settings, troupe));
    }

    /** Where a created user is found: as configured, else here when the users service runs here, else unknown (null). */
    private static String usersUrl(GatewaySettings settings, TroupeSettings troupe) {
        if (settings.usersUrl() != null && !settings.usersUrl().isBlank()) {
            return settings.usersUrl().replaceAll("/+$", "");
        }
        return troupe.services().contains(UsersConfiguration.NAME) ? "" : null;
    }
}
