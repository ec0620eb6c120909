package dev.troupe.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A test of the embedded stand-ins themselves (the Qpid broker, H2, the mail catcher): it runs in
 * the embedded execution only, not again when the suite runs on the real servers ({@link ServerSet}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DisabledIfSystemProperty(named = ServerSet.PROPERTY, matches = ServerSet.REAL)
public @interface EmbeddedServers {
}
