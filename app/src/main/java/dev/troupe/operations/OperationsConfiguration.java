package dev.troupe.operations;

import dev.troupe.operations.web.AdminAccessFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operating the choreography: the admin API (the starter's parked messages at /admin/parked, with
 * troupe.messaging.parking.collect on in every process) open to local requests or the admin token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationsSettings.class)
public class OperationsConfiguration {

    @Bean
    FilterRegistrationBean<AdminAccessFilter> adminAccessFilter(OperationsSettings settings, JsonMapper json) {
        FilterRegistrationBean<AdminAccessFilter> registration =
            new FilterRegistrationBean<>(new AdminAccessFilter(settings.token(), json));
        registration.addUrlPatterns("/admin/*");
        return registration;
    }
}
