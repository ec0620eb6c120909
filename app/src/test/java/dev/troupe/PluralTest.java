package dev.troupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {

    @Test
    void oneIsSingularAndEveryOtherCountPlural() {
        assertThat(Plural.count(1, "consumer")).isEqualTo("1 consumer");
        assertThat(Plural.count(2, "consumer")).isEqualTo("2 consumers");
        assertThat(Plural.count(0, "consumer")).isEqualTo("0 consumers");
        assertThat(Plural.count(-1, "consumer")).isEqualTo("-1 consumers");
    }

    @Test
    void theRegularRulesOfEnglish() {
        assertThat(Plural.count(3, "address")).isEqualTo("3 addresses");
        assertThat(Plural.count(3, "box")).isEqualTo("3 boxes");
        assertThat(Plural.count(3, "batch")).isEqualTo("3 batches");
        assertThat(Plural.count(3, "delivery")).isEqualTo("3 deliveries");
        assertThat(Plural.count(3, "key")).isEqualTo("3 keys");
        assertThat(Plural.count(3, "poison message")).isEqualTo("3 poison messages");
        assertThat(Plural.count(1, "address")).isEqualTo("1 address");
    }

    @Test
    void anIrregularPluralIsGiven() {
        assertThat(Plural.count(2, "person", "people")).isEqualTo("2 people");
        assertThat(Plural.count(1, "person", "people")).isEqualTo("1 person");
    }
}
