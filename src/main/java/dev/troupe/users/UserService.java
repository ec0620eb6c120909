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
        return users.insert(request.name().strip(), request.email().strip().toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public User get(long id) {
        return users.find(id).orElseThrow(() -> new UserNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public UserPage list(int page, int size) {
        return new UserPage(users.page(page, size), page, size, users.count());
    }

    @Transactional
    public void delete(long id) {
        if (!users.delete(id)) {
            throw new UserNotFoundException(id);
        }
    }
}
