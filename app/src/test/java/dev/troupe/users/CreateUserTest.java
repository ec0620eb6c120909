package dev.troupe.users;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateUserTest {

    private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void acceptsAnOrdinaryRegistration() {
        assertThat(invalidFields(new CreateUser("Ada Lovelace", "ada@example.com"))).isEmpty();
        assertThat(invalidFields(new CreateUser("é".repeat(100), "a.b+c@sub.example.org"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tab\there", "new\nline", "nul\u0000"})
    void refusesBlankNamesAndControlCharacters(String name) {
        assertThat(invalidFields(new CreateUser(name, "ok@example.com"))).containsExactly("name");
    }

    @Test
    void refusesNamesOver100Characters() {
        assertThat(invalidFields(new CreateUser("x".repeat(101), "ok@example.com"))).containsExactly("name");
        assertThat(invalidFields(new CreateUser(null, "ok@example.com"))).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@localhost", "a b@example.com", "a@@example.com"})
    void refusesInvalidAddresses(String email) {
        assertThat(invalidFields(new CreateUser("Ada", email))).containsExactly("email");
    }

    private static Set<String> invalidFields(CreateUser request) {
        return validator.validate(request).stream()
            .map(ConstraintViolation::getPropertyPath)
            .map(Object::toString)
            .collect(Collectors.toSet());
    }
}
