package dev.troupe.schema;

import dev.troupe.messaging.parking.ReplayRewrite;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message still in the broker when the ids became UUIDs names its user by the old number; its
 * consumer parks it (the number is no UUID). Replayed, it names the user by the id the upgrade gave
 * that number ({@code user_id_upgrade}), and is processed like any other.
 */
final class LegacyUserIdRewrite implements ReplayRewrite {

    private final JdbcClient jdbc;

    LegacyUserIdRewrite(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] rewrite(byte[] body) {
        return RewrittenBody.rewrite(body, oldId -> jdbc.sql("SELECT new_id FROM user_id_upgrade WHERE old_id = :id")
            .param("id", oldId).query(UUID.class).optional().orElse(null));
    }
}
