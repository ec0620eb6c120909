package dev.troupe.startup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when at least one of the named properties is set: the opposite of the embedded parts'
 * condition, so a check of a real server runs exactly when that server replaces its stand-in.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnAnySetCondition.class)
public @interface ConditionalOnAnySet {

    String[] value();
}
