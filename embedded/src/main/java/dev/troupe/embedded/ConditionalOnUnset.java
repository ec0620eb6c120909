package dev.troupe.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when none of the named properties is set (environment variables included, through
 * Spring's relaxed binding): the embedded stand-in is used only where no real server is configured.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnUnsetCondition.class)
@interface ConditionalOnUnset {

    String[] value();
}
