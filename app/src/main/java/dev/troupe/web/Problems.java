package dev.troupe.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem responses, built one way for every service. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(problem(status, title, detail));
    }

    /** The same document, written by a filter or handler that refuses before Spring MVC is reached. */
    public static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String title, String detail)
        throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), document(status.value(), title, detail));
    }

    /**
     * A request's path as a problem's {@code instance}: the characters a URI may not hold (a pasted
     * {@code <id>}, which Tomcat lets through) percent-encoded, and nothing else, so that an
     * encoding already there is kept as sent. Spring MVC's own {@code URI.create} fails on them.
     */
    public static URI instance(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : String.valueOf(path).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/%".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        try {
            return new URI(encoded.toString());
        } catch (URISyntaxException stillUnreadable) {
            // a lone % not followed by two hex digits: name the request by nothing rather than fail to answer it
            return URI.create("about:blank");
        }
    }

    /** The members every problem has, in the RFC's order. */
    static Map<String, Object> document(int status, String title, String detail) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "about:blank");
        document.put("title", title);
        document.put("status", status);
        document.put("detail", detail);
        return document;
    }
}
