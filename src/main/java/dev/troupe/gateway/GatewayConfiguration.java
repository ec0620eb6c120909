package dev.troupe.gateway;

import dev.troupe.ConditionalOnService;
import dev.troupe.Services;
import dev.troupe.gateway.amqp.RequestStatusListener;
import dev.troupe.gateway.web.ExternalUserController;
import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.Envelopes;
import dev.troupe.messaging.Inbox;
import dev.troupe.messaging.MessagingSettings;
import dev.troupe.messaging.RpcClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The gateway: the seed's external_user_api, turning HTTP requests into commands on the broker. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnService(Services.GATEWAY)
public class GatewayConfiguration {

    @Bean
    Inbox gatewayInbox(JdbcClient jdbc, Clock clock) {
        return new Inbox(jdbc, clock, "gateway_inbox");
    }

    @Bean
    RequestLog requestLog(JdbcClient jdbc, Clock clock, Inbox gatewayInbox) {
        return new RequestLog(jdbc, clock, gatewayInbox);
    }

    @Bean
    CommandPublisher commandPublisher(ConfirmedPublisher publisher, Envelopes envelopes, RequestLog requests,
                                      RpcClient rpc, JsonMapper json, MessagingSettings settings) {
        return new CommandPublisher(publisher, envelopes, requests, rpc, json, settings.confirmTimeout());
    }

    @Bean
    RequestStatusListener requestStatusListener(RequestLog requests, Envelopes envelopes) {
        return new RequestStatusListener(requests, envelopes);
    }

    @Bean
    ExternalUserController externalUserController(CommandPublisher commands, RequestLog requests) {
        return new ExternalUserController(commands, requests);
    }
}
