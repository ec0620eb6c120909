package dev.troupe;

import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Evaluates {@link TroupeService} against {@code troupe.services}: unset, every service runs. */
class OnServiceCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String service = ServiceCatalog.nameOf(metadata);
        Set<String> enabled = Binder.get(context.getEnvironment())
            .bind("troupe.services", Bindable.setOf(String.class)).orElse(Set.of());
        boolean match = enabled.isEmpty() || enabled.contains(service);
        String message = "service " + service + (match ? " enabled by " : " not in ") + "troupe.services " + enabled;
        return match ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }
}
