package dev.troupe.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.support.RawHttp;
import dev.troupe.support.RawHttp.Answer;
import dev.troupe.support.TroupeIT;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal, whoever makes it (Tomcat, Spring Security's firewall or CSRF filter, Spring MVC),
 * is an RFC 9457 problem document with a status a client can act on, and a client's bad request
 * logs at most one line: no stack trace, no ERROR. Sent over a raw socket, as no client library
 * sends most of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalsIT extends TroupeIT {

    private static final Pattern ENTRY = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT");
    private static final Pattern REQUEST_THREAD = Pattern.compile("\\[[^\\]]*exec-\\d+\\]");

    static Stream<Arguments> refusals() {
        return Stream.of(
            Arguments.of("POST", "/users/", "application/*", 415),
            Arguments.of("POST", "/users/", "*/*", 415),
            Arguments.of("POST", "/users/", "text/*", 415),
            Arguments.of("POST", "/users/", "application/*+json", 415),
            Arguments.of("POST", "/users/", "text/plain", 415),
            Arguments.of("GET", "/error", null, 404),
            Arguments.of("GET", "/users/%2e%2e/x", null, 400),
            Arguments.of("GET", "//users", null, 400),
            Arguments.of("GET", "/users;jsessionid=0123", null, 400),
            Arguments.of("GET", "/users/a%2Fb", null, 400),
            Arguments.of("GET", "/users/<id>", null, 404),
            Arguments.of("GET", "/users/{id}", null, 404),
            Arguments.of("GET", "/users/\u007f", null, 400),
            Arguments.of("GET", "/users/\\..\\x", null, 400),
            Arguments.of("GET", "/users/?a=%zz", null, 400),
            Arguments.of("GET", "/nowhere", null, 404),
            Arguments.of("PATCH", "/users/", "application/json", 405),
            Arguments.of("POST", "/console/admin/consumers/mailer/pause", null, 403));
    }

    @BeforeEach
    void warmUp() throws Exception {
        // the first request starts the dispatcher servlet, which says so in the log
        RawHttp.send(port, "GET", "/users/?size=1", null);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("refusals")
    void isAProblemDocumentAndAtMostOneLineOfLog(String method, String target, String contentType, int status,
                                                CapturedOutput output) throws Exception {
        int before = output.getOut().length();
        Answer answer = contentType == null ? RawHttp.send(port, method, target, null)
            : RawHttp.send(port, method, target, "{}", "Content-Type: " + contentType);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        // RFC 9457: a problem without a type is of type about:blank
        assertThat(problem.path("type").asString("about:blank")).isNotBlank();
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        List<String> logged = requestLog(output.getOut().substring(before));
        assertThat(logged).as("what the request logged").hasSizeLessThanOrEqualTo(1)
            .noneMatch(entry -> entry.contains(" ERROR ") || entry.contains("\tat "));
    }

    /**
     * The log entries of the server's request threads, each with the lines that follow it (a stack
     * trace): other tests' consumers may still be logging in the background.
     */
    private static List<String> requestLog(String log) {
        List<StringBuilder> entries = new ArrayList<>();
        StringBuilder entry = null;
        for (String line : log.lines().toList()) {
            if (ENTRY.matcher(line).lookingAt()) {
                entry = REQUEST_THREAD.matcher(line).find() ? new StringBuilder(line) : null;
                if (entry != null) {
                    entries.add(entry);
                }
            } else if (entry != null) {
                entry.append('\n').append(line);
            }
        }
        return entries.stream().map(StringBuilder::toString).toList();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @MethodSource("accepts")
    void aProblemIsAProblemDocumentWhateverTheClientAccepts(String accept) throws Exception {
        Answer answer = RawHttp.send(port, "GET", "/users/not-a-uuid", null, "Accept: " + accept);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    static Stream<String> accepts() {
        return Stream.of("text/html", "application/xml", "application/json", "*/*");
    }
}
