package dev.troupe.console;

import dev.troupe.messaging.TraceKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.messaging.internal.MessageObservations;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace view's store, fed by the OpenTelemetry SDK's own spans: found by any id they carry, bounded, addresses hidden on request. */
class TraceStoreTest {

    private final TraceStore store = new TraceStore(3);
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(store)).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aTraceIsFoundByItsIdAndByTheIdsItsSpansCarryAUuidInsideAKeyIncluded() {
        String traceId = request("request-1", "user-0c4b1a52-9a4e-4c39-9a53-6f1a2b3c4d5e");

        assertThat(store.find(traceId)).hasSize(1);
        assertThat(store.find("request-1")).extracting(TraceStore.Trace::traceId).containsExactly(traceId);
        assertThat(store.find("user-0c4b1a52-9a4e-4c39-9a53-6f1a2b3c4d5e")).hasSize(1);
        assertThat(store.find("0c4b1a52-9a4e-4c39-9a53-6f1a2b3c4d5e")).hasSize(1);
        assertThat(store.find("nothing")).isEmpty();
    }

    @Test
    void aTracesStepsComeInTheOrderTheyBeganWithTheirParents() {
        String traceId = request("request-2", "key-2");

        TraceStore.Trace trace = store.find(traceId).get(0);
        assertThat(trace.spans()).extracting(TraceStore.Span::name).containsExactly("http post", "outbox write");
        assertThat(trace.spans().get(0).parentId()).isNull();
        assertThat(trace.spans().get(1).parentId()).isEqualTo(trace.spans().get(0).spanId());
        assertThat(trace.spans().get(0).startMicros()).isZero();
    }

    @Test
    void theOldestTraceGoesPastTheLimitAndItsIdsWithIt() {
        String oldest = request("r-1", "k-1");
        request("r-2", "k-2");
        request("r-3", "k-3");
        request("r-4", "k-4");

        assertThat(store.find(oldest)).isEmpty();
        assertThat(store.find("r-1")).isEmpty();
        assertThat(store.find("r-4")).hasSize(1);
        assertThat(store.recent(10)).hasSize(3).first().extracting(TraceStore.Summary::name).isEqualTo("http post");
    }

    @Test
    void aFailureIsShownWithItsMessageAndWithoutAddressesToOneWhoMayNotSeeThem() {
        Span failed = tracer.spanBuilder("user-commands failure").startSpan();
        failed.setAttribute(TraceKeys.MESSAGE_ID, "poison-1");
        failed.recordException(new IllegalArgumentException("address taken: someone@example.com"));
        failed.setStatus(StatusCode.ERROR, "address taken: someone@example.com");
        failed.end();

        TraceStore.Span span = store.find("poison-1").get(0).spans().get(0);
        assertThat(span.error()).isTrue();
        assertThat(span.errorType()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(span.errorMessage()).contains("someone@example.com");
        assertThat(store.find("poison-1").get(0).withoutEmails().spans().get(0).errorMessage())
            .isEqualTo("address taken: (address hidden)");
    }

    /** An HTTP request that writes to the outbox: two spans, the second the first's child. */
    private String request(String requestId, String key) {
        Span root = tracer.spanBuilder("http post").startSpan();
        try (Scope scope = root.makeCurrent()) {
            Span write = tracer.spanBuilder("outbox write").startSpan();
            write.setAttribute(TraceKeys.CORRELATION_ID, requestId);
            write.setAttribute(TraceKeys.KEY, key);
            write.end();
        } finally {
            root.end();
        }
        return root.getSpanContext().getTraceId();
    }
}
