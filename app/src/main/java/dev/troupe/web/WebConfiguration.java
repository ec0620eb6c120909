package dev.troupe.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** HTTP concerns every service shares: problem details, the request size limit, JSON as the default body type. */
@Configuration(proxyBeanMethods = false)
@Import({OpenApiConfiguration.class, SecurityConfiguration.class})
public class WebConfiguration {

    static final int MAX_BODY_BYTES = 16 * 1024;

    @Bean
    TracedRequests tracedRequests() {
        return new TracedRequests();
    }

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

    @Bean
    FilterRegistrationBean<JsonByDefaultFilter> jsonByDefaultFilter(JsonMapper json) {
        FilterRegistrationBean<JsonByDefaultFilter> registration = new FilterRegistrationBean<>(new JsonByDefaultFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ParametersCheckFilter> parametersCheckFilter(JsonMapper json) {
        FilterRegistrationBean<ParametersCheckFilter> registration = new FilterRegistrationBean<>(new ParametersCheckFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    /** In place of Boot's JSON and HTML error pages. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    ProblemReportValve.Installer problemReports(JsonMapper json) {
        return new ProblemReportValve.Installer(json);
    }
}
