package dev.troupe.startup;

import dev.troupe.embedded.OnUnsetCondition;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The embedded stand-ins' condition turned round: the same test, so a check runs exactly where its server is real. */
class OnAnySetCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String[] names = (String[]) metadata.getAnnotationAttributes(ConditionalOnAnySet.class.getName()).get("value");
        List<String> set = OnUnsetCondition.setAmong(context.getEnvironment(), names);
        return set.isEmpty()
            ? ConditionOutcome.noMatch("none of " + Arrays.toString(names) + " is set")
            : ConditionOutcome.match(set + " set: a real server is configured");
    }
}
