package dev.troupe.events;

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

    /**
     * Each found carried into RCPT TO as something else (the mail library writes the low byte of a
     * character it cannot send without SMTPUTF8): {@code \u4e76ictim} went out as {@code victim}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@localhost", "a b@example.com", "a@@example.com",
        "\u4e76ictim@example.org", "\u5176ictim@example.org", "victim\u4e40example.org\u20281@x.org", "sur\ud800@example.org",
        "\"quoted\"@example.org", "a..b@example.org", ".a@example.org", "a.@example.org", "a@-example.org", "a@example.123",
        "a@exa_mple.org", "a@example..org", "a@example.org.", "caf\u00e9@example.org", "a@ex\u2028ample.org",
        "a\r\nRCPT TO:<b@example.org>@example.org"})
    void refusesAddressesTheMailPathWouldNotCarryExactly(String email) {
        assertThat(invalidFields(new CreateUser("Ada", email))).containsExactly("email");
    }

    @Test
    void normalisesAnAddressOnceLowerCasedWithItsDomainAsAnALabel() {
        assertThat(EmailAddresses.normalised(" Ada.Lovelace+Troupe@Example.COM ")).hasValue("ada.lovelace+troupe@example.com");
        assertThat(EmailAddresses.normalised("ada@B\u00fccher.example")).hasValue("ada@xn--bcher-kva.example");
        // the same domain written decomposed (u + combining diaeresis) is the same address
        assertThat(EmailAddresses.normalised("ada@Bu\u0308cher.example")).hasValue("ada@xn--bcher-kva.example");
        assertThat(EmailAddresses.normalised("o'brien!#$%&*/=?^_`{|}~-@example.org")).hasValue("o'brien!#$%&*/=?^_`{|}~-@example.org");
        assertThat(invalidFields(new CreateUser("Ada", "ada@b\u00fccher.example"))).isEmpty();
    }

    /** U+0085 and U+2028 break lines, U+202E turns {@code Evil\u202Egnp.exe} into what reads as {@code Evilexe.png}. */
    @ParameterizedTest
    @ValueSource(strings = {"next\u0085line", "c1\u009bcontrol", "line\u2028separator", "para\u2029graph", "Evil\u202Egnp.exe",
        "embed\u202Aded", "isolate\u2066d\u2069", "first\u2068strong", "lone\ud800surrogate", "low\udc00first", "\u200b",
        "\u200b\u200c\u2060", "\u3000\u00a0", "\u3164", "\ufeff"})
    void refusesNamesThatDoNotReadAsWhatTheyAre(String name) {
        assertThat(invalidFields(new CreateUser(name, "ok@example.com"))).containsExactly("name");
    }

    @Test
    void acceptsNamesInAnyScriptAndStoresThemInNfc() {
        assertThat(invalidFields(new CreateUser("\u05e9\u05dc\u05d5\u05dd \u200fAda", "ok@example.com"))).isEmpty();
        assertThat(invalidFields(new CreateUser("\ud83d\ude00 Smile", "ok@example.com"))).isEmpty();
        assertThat(invalidFields(new CreateUser("\u0915\u094d\u200d\u0937", "ok@example.com"))).isEmpty();
        assertThat(ReadableNames.normalised(" Jose\u0301 ")).isEqualTo("Jos\u00e9");
    }

    private static Set<String> invalidFields(CreateUser request) {
        return validator.validate(request).stream()
            .map(ConstraintViolation::getPropertyPath)
            .map(Object::toString)
            .collect(Collectors.toSet());
    }
}
