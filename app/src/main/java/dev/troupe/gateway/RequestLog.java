package dev.troupe.gateway;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The gateway's own table of requests; a request leaves pending once, never to go back. */
public class RequestLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    public RequestLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void pending(String requestId, String kind) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO gateway_requests (id, kind, status, created_at, updated_at)
                VALUES (:id, :kind, :status, :now, :now)""")
            .param("id", requestId).param("kind", kind).param("status", RequestStatus.PENDING).param("now", now)
            .update();
    }

    /** Records the outcome an event tells, if the request is still pending; an unknown or settled request is left alone. */
    @Transactional
    public void settle(String requestId, String kind, String status, UUID userId, String reason) {
        jdbc.sql("""
                UPDATE gateway_requests SET status = :status, user_id = :userId, reason = :reason, updated_at = :now
                WHERE id = :id AND kind = :kind AND status = :pending""")
            .param("status", status)
            .param("userId", userId)
            .param("reason", reason, Types.VARCHAR)
            .param("now", OffsetDateTime.now(clock))
            .param("id", requestId)
            .param("kind", kind)
            .param("pending", RequestStatus.PENDING)
            .update();
    }

    /** The command never reached the broker: the client was told (503), and the request is settled as failed. */
    void fail(String requestId, String reason) {
        jdbc.sql("UPDATE gateway_requests SET status = :status, reason = :reason, updated_at = :now WHERE id = :id")
            .param("status", RequestStatus.FAILED)
            .param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
            .param("now", OffsetDateTime.now(clock))
            .param("id", requestId)
            .update();
    }

    public Optional<RequestStatus> find(String requestId) {
        return jdbc.sql("SELECT id, kind, status, user_id, reason, created_at, updated_at FROM gateway_requests WHERE id = :id")
            .param("id", requestId)
            .query((rs, row) -> new RequestStatus(rs.getString("id"), rs.getString("kind"), rs.getString("status"),
                rs.getObject("user_id", UUID.class), rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
            .optional();
    }
}
