package dev.troupe.users.web;

import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The users service's HTTP API from another process, as the seed's create_user and delete_user
 * consumers called it ({@code troupe.flow=naive}). An answer other than 2xx is thrown
 * ({@code RestClientResponseException}), as is a refused connection.
 */
public class UsersApiClient {

    private final RestClient http = RestClient.create();
    private final Supplier<String> base;

    /** @param base the API's root URL, asked at each call (this process's own port is known only once it listens) */
    public UsersApiClient(Supplier<String> base) {
        this.base = base;
    }

    /** {@code POST /users/} with the command's body as it came. */
    public void register(byte[] createUser) {
        http.post().uri(base.get() + "/users/").contentType(MediaType.APPLICATION_JSON).body(createUser)
            .retrieve().toBodilessEntity();
    }

    /** {@code DELETE /users/{id}}. */
    public void delete(String userId) {
        http.delete().uri(base.get() + "/users/{id}", userId).retrieve().toBodilessEntity();
    }
}
