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

/** An address the mail path carries exactly: {@link EmailAddresses}' rule, on HTTP and AMQP alike. */
@Documented
@Constraint(validatedBy = MailableAddress.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface MailableAddress {

    String message() default EmailAddresses.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A null address is {@code @NotBlank}'s to refuse. */
    class Check implements ConstraintValidator<MailableAddress, String> {

        @Override
        public boolean isValid(String address, ConstraintValidatorContext context) {
            return address == null || EmailAddresses.normalised(address).isPresent();
        }
    }
}
