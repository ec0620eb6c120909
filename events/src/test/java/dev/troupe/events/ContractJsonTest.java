package dev.troupe.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire's JSON belongs to the contract: an application whose own JSON is camelCase (Jackson's
 * default, no naming configured) reads and writes the seed's snake_case, and today's records read
 * yesterday's messages and tomorrow's.
 */
class ContractJsonTest {

    private final JsonMapper camelCaseApplication = JsonMapper.builder().build();

    @Test
    void anEventIsWrittenInTheSeedsSnakeCaseWhateverTheApplicationsNaming() {
        UUID eventId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        JsonNode written = camelCaseApplication.valueToTree(
            new UserCreated(eventId, userId, "Ada", "ada@example.com", Instant.parse("2026-12-07T10:00:00Z")));

        assertThat(written.propertyNames()).containsExactlyInAnyOrder("event_id", "user_id", "name", "email", "occurred_at");
        assertThat(written.get("user_id").asString()).isEqualTo(userId.toString());
    }

    @Test
    void theSeedsCommandsAreReadAsTheySendThem() {
        assertThat(camelCaseApplication.readValue("{\"name\":\"Ada\",\"email\":\"ada@example.com\"}", CreateUser.class))
            .isEqualTo(new CreateUser("Ada", "ada@example.com"));
        UUID id = UUID.randomUUID();
        assertThat(camelCaseApplication.readValue("{\"user_id\":\"" + id + "\"}", DeleteUser.class)).isEqualTo(new DeleteUser(id));
    }

    /** Yesterday's status answer had no name or address; tomorrow's may carry a field this reader does not know. */
    @Test
    void aMessageWithoutAFieldAddedSinceIsReadAndAnUnknownFieldIsIgnored() {
        UUID id = UUID.randomUUID();
        UserStatus older = camelCaseApplication.readValue("{\"user_id\":\"" + id + "\",\"exists\":true}", UserStatus.class);
        UserStatus newer = camelCaseApplication.readValue("{\"user_id\":\"" + id + "\",\"exists\":true,\"name\":\"Ada\","
            + "\"email\":\"ada@example.com\",\"locale\":\"en\"}", UserStatus.class);

        assertThat(older).isEqualTo(new UserStatus(id, true, null, null));
        assertThat(newer).isEqualTo(UserStatus.onRecord(id, "Ada", "ada@example.com"));
    }
}
