package dev.troupe.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.troupe.support.TroupeIT;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an OTLP endpoint configured (the standard Spring Boot property), the same spans the console
 * shows go to a tracing backend too: here a collector of the test's own, over HTTP on a real socket,
 * reading what it receives as OTLP's protobuf messages.
 */
class TraceExportIT extends TroupeIT {

    private static final List<Span> received = new CopyOnWriteArrayList<>();
    private static final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private static final HttpServer collector = collector();

    @DynamicPropertySource
    static void otlp(DynamicPropertyRegistry properties) {
        properties.add("management.opentelemetry.tracing.export.otlp.endpoint",
            () -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        collector.stop(0);
    }

    @Test
    void aRegistrationsSpansReachAnOtlpCollectorInOneTrace() {
        String email = uniqueEmail("exported");
        postJson("/external_users/", Map.of("name", "Exported", "email", email)).expectStatus().isAccepted();
        String userId = eventually().until(() -> findUserByEmail(email), user -> user != null).id().toString();

        String traceId = eventually().until(() -> traceOf(userId), id -> id != null);
        byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
        List<String> exported = eventually().until(() -> received.stream()
                .filter(span -> java.util.Arrays.equals(span.getTraceId().toByteArray(), traceIdBytes))
                .map(Span::getName).toList(),
            names -> names.containsAll(List.of("event_exchange/create_user send", "user_created outbox write",
                "user_created relay", "welcome mail send")));

        assertThat(exported).contains("http post /external_users/", "create_user_operation_queue receive");
        assertThat(contentTypes).allMatch(type -> type.startsWith("application/x-protobuf"));
    }

    private String traceOf(String userId) {
        String body = http.get().uri("/console/traces?id={id}", userId).accept(MediaType.APPLICATION_JSON).exchange()
            .expectStatus().isOk().returnResult(String.class).getResponseBody();
        var traces = json.readTree(body);
        return traces.isEmpty() ? null : traces.get(0).path("trace_id").asString();
    }

    /** A minimal OTLP/HTTP collector: it answers every export with 200 and keeps the spans. */
    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
                    ExportTraceServiceRequest.parseFrom(body.readAllBytes()).getResourceSpansList().forEach(resource ->
                        resource.getScopeSpansList().forEach(scope -> received.addAll(scope.getSpansList())));
                    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test's OTLP collector", e);
        }
    }
}
