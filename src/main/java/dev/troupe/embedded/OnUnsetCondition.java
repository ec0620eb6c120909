package dev.troupe.embedded;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

class OnUnsetCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String[] names = (String[]) metadata.getAnnotationAttributes(ConditionalOnUnset.class.getName()).get("value");
        List<String> set = Arrays.stream(names)
            .filter(name -> StringUtils.hasText(context.getEnvironment().getProperty(name)))
            .toList();
        return set.isEmpty()
            ? ConditionOutcome.match("none of " + Arrays.toString(names) + " is set")
            : ConditionOutcome.noMatch(set + " set: a real server is configured");
    }
}
