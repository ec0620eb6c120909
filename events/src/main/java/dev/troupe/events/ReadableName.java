package dev.troupe.events;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A name that reads as what it is: {@link ReadableNames}' rule, on HTTP and AMQP alike. */
@Documented
@Constraint(validatedBy = ReadableName.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableName {

    String message() default ReadableNames.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ReadableName, String> {

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            return ReadableNames.readable(name);
        }
    }
}
