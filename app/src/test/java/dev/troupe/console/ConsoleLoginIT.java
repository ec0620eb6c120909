package dev.troupe.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.console.amqp.MessageTap;
import dev.troupe.support.FormLogin;
import dev.troupe.support.TroupeIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * With an admin password configured, what acts or shows personal data needs the admin's login,
 * even from this machine; the rest of the console, and the seed's APIs, need none.
 */
@TestPropertySource(properties = {"troupe.admin.user=keeper", "troupe.admin.password=s3cret-for-the-test"})
class ConsoleLoginIT extends TroupeIT {


    @Autowired
    MessageTap tap;

    private final HttpClient browser = FormLogin.browser();

    @Test
    void withoutTheLoginActionsMailAndUsersSendYouToLogIn() throws Exception {
        // the admin rule comes before the route: /mail sends you to log in even where no catcher serves it
        for (String path : new String[] {"/console/admin/access", "/mail/messages", "/mail", "/console/admin/api/users/"}) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
        }
        assertThat(get("/console/map").statusCode()).isEqualTo(200);
        postJson("/external_users/", Map.of("name", "Still Open", "email", uniqueEmail("open"))).expectStatus().isAccepted();
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneLetsTheAdminAct() throws Exception {
        assertThat(logIn("keeper", "guess").headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(get("/console/admin/access").statusCode()).isEqualTo(302);

        HttpResponse<String> in = logIn("keeper", "s3cret-for-the-test");

        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(get("/console/admin/access").statusCode()).isEqualTo(200);
        assertThat(get("/console/admin/api/users/").statusCode()).isEqualTo(200);
        // the captured mail is the embedded catcher's: with a real SMTP server there is none here
        assertThat(get("/mail/messages").statusCode()).isEqualTo(mailIsEmbedded() ? 200 : 404);
    }

    @Test
    void theLiveFlowHidesTheAddressesFromOneNotLoggedIn() throws Exception {
        // a page open (anyone's) has the exchanges tapped
        HttpResponse<java.io.InputStream> page = browser.send(HttpRequest.newBuilder(uri("/console/feed")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
        try {
            eventually().until(tap::isOpen);
            String email = uniqueEmail("hidden");
            postJson("/external_users/", Map.of("name", "Hidden", "email", email)).expectStatus().isAccepted();
            HttpClient admin = FormLogin.browser();
            logIn(admin, "keeper", "s3cret-for-the-test");
            eventually().until(() -> get(admin, "/console/messages").body().contains(email));

            String anonymous = get("/console/messages").body();
            assertThat(anonymous).contains("\"routing_key\":\"user_created\"").doesNotContain(email);
        } finally {
            page.body().close();
        }
    }

    private HttpResponse<String> logIn(String user, String password) throws Exception {
        return logIn(browser, user, password);
    }

    private HttpResponse<String> logIn(HttpClient client, String user, String password) throws Exception {
        return FormLogin.logIn(client, "http://localhost:" + port, user, password);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(browser, path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

}
