package dev.troupe;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Registers the annotated configuration only when one of the named services runs in this process. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnServiceCondition.class)
public @interface ConditionalOnService {

    /** Service names; the condition matches when any of them is enabled. */
    String[] value();
}
