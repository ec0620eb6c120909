package dev.troupe.users;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The users table. Package-private: other services reach users only through {@link UserService}. */
class Users {

    private final JdbcClient jdbc;
    private final Clock clock;

    Users(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    User insert(UUID id, String name, String email) {
        try {
            jdbc.sql("INSERT INTO users (id, name, email, created_at) VALUES (:id, :name, :email, :createdAt)")
                .param("id", id)
                .param("name", name)
                .param("email", email)
                .param("createdAt", OffsetDateTime.now(clock))
                .update();
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyRegisteredException(email);
        }
        return new User(id, name, email);
    }

    Optional<User> find(UUID id) {
        return jdbc.sql("SELECT id, name, email FROM users WHERE id = :id")
            .param("id", id)
            .query(User.class)
            .optional();
    }

    /** The users of these ids that exist, by id: one query for all of them. */
    java.util.Map<UUID, User> found(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("SELECT id, name, email FROM users WHERE id IN (:ids)")
            .param("ids", List.copyOf(new java.util.LinkedHashSet<>(ids)))
            .query(User.class)
            .list().stream().collect(java.util.stream.Collectors.toMap(User::id, user -> user));
    }

    /** A page in id order; {@code email}, when given, keeps only that address. */
    List<User> page(String email, int page, int size) {
        return jdbc.sql("SELECT id, name, email FROM users WHERE (:email IS NULL OR email = :email)"
                + " ORDER BY id LIMIT :size OFFSET :offset")
            .param("email", email, Types.VARCHAR)
            .param("size", size)
            .param("offset", (long) page * size)
            .query(User.class)
            .list();
    }

    long count(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE (:email IS NULL OR email = :email)")
            .param("email", email, Types.VARCHAR)
            .query(Long.class)
            .single();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update() == 1;
    }
}
