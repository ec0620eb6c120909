package dev.troupe.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** HTTP concerns every service shares: problem details and the request size limit. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    static final int MAX_BODY_BYTES = 16 * 1024;

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(JsonMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
            new FilterRegistrationBean<>(new BodySizeLimitFilter(MAX_BODY_BYTES, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
