package dev.troupe;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The configuration that assembles one service, and its name in {@code troupe.services}. Found on
 * the class path ({@link ServiceCatalog}), not listed anywhere: a new service is its package and
 * this annotation. It runs when {@code troupe.services} names it, or names nothing (every service).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Configuration(proxyBeanMethods = false)
@Conditional(OnServiceCondition.class)
public @interface TroupeService {

    /** The service's name in {@code troupe.services}. */
    String name();
}
