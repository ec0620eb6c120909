package dev.troupe;

import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Evaluates {@link ConditionalOnService} against {@code troupe.services}. */
class OnServiceCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String[] wanted = (String[]) metadata.getAnnotationAttributes(ConditionalOnService.class.getName()).get("value");
        Set<String> enabled = enabledServices(context);
        boolean match = Arrays.stream(wanted).anyMatch(enabled::contains);
        String message = "services " + Arrays.toString(wanted) + (match ? " enabled in " : " not in ") + enabled;
        return match ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }

    static Set<String> enabledServices(ConditionContext context) {
        return Binder.get(context.getEnvironment())
            .bind("troupe.services", Bindable.setOf(String.class))
            .orElseGet(() -> StringUtils.commaDelimitedListToSet(Services.ALL_NAMES));
    }
}
