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

    // bounded: a users service that takes the connection and never answers must not hold the consumer for ever
    private final RestClient http = RestClient.builder().requestFactory(timeouts()).build();
    private final Supplier<String> base;

    /** @param base the API's root URL, asked at each call (this process's own port is known only once it listens) */
    public UsersApiClient(Supplier<String> base) {
        this.base = base;
    }

    private static org.springframework.http.client.JdkClientHttpRequestFactory timeouts() {
        org.springframework.http.client.JdkClientHttpRequestFactory factory = new org.springframework.http.client.JdkClientHttpRequestFactory(
            java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build());
        factory.setReadTimeout(java.time.Duration.ofSeconds(10));
        return factory;
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
