package dev.troupe.embedded;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

public class OnUnsetCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String[] names = (String[]) metadata.getAnnotationAttributes(ConditionalOnUnset.class.getName()).get("value");
        List<String> set = setAmong(context.getEnvironment(), names);
        return set.isEmpty()
            ? ConditionOutcome.match("none of " + Arrays.toString(names) + " is set")
            : ConditionOutcome.noMatch(set + " set: a real server is configured");
    }

    /**
     * Which of the properties are set (environment variables included, through relaxed binding; a
     * blank value counts as unset): the one test of "is a real server configured", for the embedded
     * stand-ins and for the checks of the real servers alike.
     */
    public static List<String> setAmong(Environment environment, String... names) {
        return Arrays.stream(names).filter(name -> StringUtils.hasText(environment.getProperty(name))).toList();
    }
}
