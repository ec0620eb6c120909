package dev.troupe.users;

import java.util.Locale;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users service's domain operations. The HTTP API and the command consumers both call these,
 * so a user registered either way follows the same rules.
 */
public class UserService {

    private final Users users;

    UserService(Users users) {
        this.users = users;
    }

    /** E-mail addresses are compared case-insensitively, so they are stored lower-cased. */
    @Transactional
    public User register(CreateUser request) {
        return users.insert(request.name().strip(), normalized(request.email()));
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    @Transactional(readOnly = true)
    public User get(long id) {
        return users.find(id).orElseThrow(() -> new UserNotFoundException(id));
    }

    /** Users in id order, all of them or only the one with {@code email} when it is not null. */
    @Transactional(readOnly = true)
    public UserPage list(String email, int page, int size) {
        String address = email == null ? null : normalized(email);
        return new UserPage(users.page(address, page, size), page, size, users.count(address));
    }

    @Transactional
    public void delete(long id) {
        if (!users.delete(id)) {
            throw new UserNotFoundException(id);
        }
    }
}
