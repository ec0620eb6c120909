package dev.troupe.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueRatesTest {

    private static final Map<String, SystemMap.Declared> QUEUES = Map.of(
        "mail", new SystemMap.Declared("mail", "events", List.of("created"), false),
        "coupons", new SystemMap.Declared("coupons", "events", List.of("created", "deleted"), false));

    @Test
    void aQueueTakesWhatIsPublishedWithItsKeysAndGaveOutWhatNoLongerWaits() {
        QueueRates rates = new QueueRates();
        rates.since(QUEUES, Map.of("mail", 0L, "coupons", 0L), 0);
        for (int i = 0; i < 10; i++) {
            rates.published("events", "created");
        }
        rates.published("events", "deleted");
        rates.published("other", "created");

        Map<String, QueueRates.Rate> now = rates.since(QUEUES, Map.of("mail", 4L, "coupons", 0L), 2_000_000_000L);

        assertThat(now.get("mail")).isEqualTo(new QueueRates.Rate(5, 3));
        assertThat(now.get("coupons")).isEqualTo(new QueueRates.Rate(5.5, 5.5));
    }

    @Test
    void aDepthTheBrokerCouldNotTellGuessesNoOutRate() {
        QueueRates rates = new QueueRates();
        rates.since(QUEUES, Map.of("mail", -1L), 0);
        rates.published("events", "created");

        assertThat(rates.since(QUEUES, Map.of("mail", 0L), 1_000_000_000L).get("mail")).isEqualTo(new QueueRates.Rate(1, 0));
    }

    @Test
    void theFirstLookHasNoRatesYet() {
        assertThat(new QueueRates().since(QUEUES, Map.of("mail", 3L), 5).get("mail")).isEqualTo(new QueueRates.Rate(0, 0));
    }
}
