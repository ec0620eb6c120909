package dev.troupe.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The console's login form as a browser fills it, over a real socket: its CSRF field read from the page, its session kept. */
public final class FormLogin {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private FormLogin() {
    }

    /** A client that keeps its cookies, as a browser does. */
    public static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** Posts the login form at {@code base}/login with the page's CSRF token; the answer is not followed. */
    public static HttpResponse<String> logIn(HttpClient client, String base, String user, String password)
        throws IOException, InterruptedException {
        Matcher field = CSRF_FIELD.matcher(client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
            HttpResponse.BodyHandlers.ofString()).body());
        assertThat(field.find()).as("the login page's CSRF field").isTrue();
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(field.group(1));
        return client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
