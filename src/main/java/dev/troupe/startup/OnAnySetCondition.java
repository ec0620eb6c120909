package dev.troupe.startup;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

class OnAnySetCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String[] names = (String[]) metadata.getAnnotationAttributes(ConditionalOnAnySet.class.getName()).get("value");
        // the same test as the embedded parts' @ConditionalOnUnset (relaxed binding, blank counts as unset)
        List<String> set = Arrays.stream(names)
            .filter(name -> StringUtils.hasText(context.getEnvironment().getProperty(name)))
            .toList();
        return set.isEmpty()
            ? ConditionOutcome.noMatch("none of " + Arrays.toString(names) + " is set")
            : ConditionOutcome.match(set + " set: a real server is configured");
    }
}
