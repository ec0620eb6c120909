package dev.troupe.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Reads the home page of a process ({@code /about}), and checks that every link on it answers. */
public final class HomePageLinks {

    /** The home page: at {@code /} too where no console runs, always here. */
    private static final String HOME = "/about";
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private HomePageLinks() {
    }

    /** The page's links, each of which has answered with a success or a redirect. */
    public static List<String> ofHomePage(RestTestClient http) {
        String page = http.get().uri(HOME).exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .returnResult(String.class).getResponseBody();
        List<String> links = HREF.matcher(page).results().map(match -> match.group(1)).toList();
        for (String link : links) {
            int status = http.get().uri(link).exchange().returnResult(byte[].class).getStatus().value();
            assertThat(status).as("GET " + link).isLessThan(400);
        }
        return links;
    }

    /** The home page's text, for what it says about the process. */
    public static String text(RestTestClient http) {
        return http.get().uri(HOME).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
    }
}
