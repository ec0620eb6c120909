package dev.troupe.console;

import dev.troupe.messaging.TraceKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The spans this process finished, kept for the console's trace view: the newest traces, found by
 * their trace id or by any id their spans carry (a request's id is its command's message id and its
 * events' correlation id; a user's id is the key of the events about the user). An exporter beside
 * any other (OTLP where configured): the SDK hands it finished spans in batches, off the hot path.
 * Bounded: the oldest trace goes when a new one would pass the limit, and a trace keeps at most
 * {@value #SPANS_PER_TRACE} spans. In-process by design: with one process per service each keeps its
 * own part; the whole trace is then the tracing backend's to show.
 */
public class TraceStore implements SpanExporter {

    static final int SPANS_PER_TRACE = 500;

    private static final int TRACES_PER_ID = 20;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"'<>,;:()]+@[^\\s@\"'<>,;:()]+");
    private static final int ATTRIBUTE_LENGTH = 300;
    private static final Pattern UUID_IN =
        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> ID_KEYS = List.of(TraceKeys.MESSAGE_ID,
        TraceKeys.CORRELATION_ID, TraceKeys.KEY);

    /** One span, as the console shows it. Times in microseconds from the trace's first span. */
    public record Span(String spanId, String parentId, String name, String kind, long startMicros, long durationMicros,
                       boolean error, String errorType, String errorMessage, Map<String, String> attributes) {
    }

    /** A trace: its spans in the order they started. */
    public record Trace(String traceId, Instant start, long durationMicros, boolean error, List<Span> spans) {

        /** The same with every address hidden (an error can quote one), for one who may not see personal data. */
        public Trace withoutEmails() {
            return new Trace(traceId, start, durationMicros, error, spans.stream().map(span -> new Span(span.spanId(),
                span.parentId(), span.name(), span.kind(), span.startMicros(), span.durationMicros(), span.error(),
                span.errorType(), hide(span.errorMessage()), hide(span.attributes()))).toList());
        }

        private static Map<String, String> hide(Map<String, String> attributes) {
            Map<String, String> hidden = new TreeMap<>();
            attributes.forEach((key, value) -> hidden.put(key, hide(value)));
            return hidden;
        }

        private static String hide(String text) {
            return text == null ? null : EMAIL.matcher(text).replaceAll("(address hidden)");
        }
    }

    /** A line of the list of recent traces. */
    public record Summary(String traceId, Instant start, String name, int spans, long durationMicros, boolean error) {
    }

    private final int maxTraces;
    private final LinkedHashMap<String, Kept> traces = new LinkedHashMap<>();
    private final Map<String, Set<String>> tracesById = new HashMap<>();

    /** A trace's spans as they came, and the ids by which it can be found. */
    private static final class Kept {
        final List<SpanData> spans = new ArrayList<>();
        final Set<String> ids = new LinkedHashSet<>();
    }

    public TraceStore(int maxTraces) {
        this.maxTraces = maxTraces;
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            Kept kept = traces.computeIfAbsent(span.getTraceId(), id -> new Kept());
            if (kept.spans.size() < SPANS_PER_TRACE) {
                kept.spans.add(span);
            }
            for (String key : ID_KEYS) {
                String id = span.getAttributes().get(AttributeKey.stringKey(key));
                if (id != null && !id.isEmpty() && !"null".equals(id)) {
                    index(id, span.getTraceId(), kept);
                    // a key that names its aggregate ("user-<uuid>") finds the trace by the bare id too
                    UUID_IN.matcher(id).results().forEach(uuid -> index(uuid.group(), span.getTraceId(), kept));
                }
            }
        }
        while (traces.size() > maxTraces) {
            forgetEldest();
        }
        return CompletableResultCode.ofSuccess();
    }

    private void index(String id, String traceId, Kept kept) {
        if (kept.ids.add(id)) {
            Set<String> ids = tracesById.computeIfAbsent(id, any -> new LinkedHashSet<>());
            ids.add(traceId);
            trim(ids);
        }
    }

    /** The traces whose id is {@code id}, or whose spans carry it, newest first. */
    public synchronized List<Trace> find(String id) {
        Set<String> found = new LinkedHashSet<>();
        if (traces.containsKey(id)) {
            found.add(id);
        }
        found.addAll(tracesById.getOrDefault(id, Set.of()));
        return found.stream().map(traceId -> trace(traceId, traces.get(traceId)))
            .sorted(Comparator.comparing(Trace::start).reversed()).toList();
    }

    /** The newest traces, up to {@code limit}. */
    public synchronized List<Summary> recent(int limit) {
        List<Summary> recent = new ArrayList<>();
        List<Map.Entry<String, Kept>> entries = new ArrayList<>(traces.entrySet());
        for (int i = entries.size() - 1; i >= 0 && recent.size() < limit; i--) {
            recent.add(summary(entries.get(i).getKey(), entries.get(i).getValue().spans));
        }
        return recent;
    }

    /** A line of the list, read off the spans as they are: no copy, sort or conversion of each. */
    private static Summary summary(String traceId, List<SpanData> spans) {
        SpanData first = spans.stream().min(Comparator.comparingLong(SpanData::getStartEpochNanos)).orElseThrow();
        long last = spans.stream().mapToLong(SpanData::getEndEpochNanos).max().orElse(first.getStartEpochNanos());
        boolean error = spans.stream().anyMatch(span -> span.getStatus().getStatusCode() == StatusCode.ERROR);
        return new Summary(traceId, Instant.ofEpochSecond(0, first.getStartEpochNanos()), first.getName(), spans.size(),
            micros(last - first.getStartEpochNanos()), error);
    }

    private static Trace trace(String traceId, Kept kept) {
        List<SpanData> spans = new ArrayList<>(kept.spans);
        spans.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
        long first = spans.get(0).getStartEpochNanos();
        long last = spans.stream().mapToLong(SpanData::getEndEpochNanos).max().orElse(first);
        List<Span> shown = spans.stream().map(span -> span(span, first)).toList();
        return new Trace(traceId, Instant.ofEpochSecond(0, first), micros(last - first),
            shown.stream().anyMatch(Span::error), shown);
    }

    private static Span span(SpanData span, long first) {
        boolean error = span.getStatus().getStatusCode() == StatusCode.ERROR;
        String errorType = null;
        String errorMessage = error ? span.getStatus().getDescription() : null;
        for (EventData event : span.getEvents()) {
            if ("exception".equals(event.getName())) {
                errorType = event.getAttributes().get(AttributeKey.stringKey("exception.type"));
                String message = event.getAttributes().get(AttributeKey.stringKey("exception.message"));
                errorMessage = message != null ? message : errorMessage;
            }
        }
        Map<String, String> attributes = new TreeMap<>();
        span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), cut(String.valueOf(value))));
        String parent = span.getParentSpanContext().isValid() ? span.getParentSpanId() : null;
        return new Span(span.getSpanId(), parent, span.getName(), span.getKind().name(),
            micros(span.getStartEpochNanos() - first), micros(span.getEndEpochNanos() - span.getStartEpochNanos()),
            error, errorType, errorMessage, attributes);
    }

    private void forgetEldest() {
        Iterator<Map.Entry<String, Kept>> eldest = traces.entrySet().iterator();
        Map.Entry<String, Kept> gone = eldest.next();
        eldest.remove();
        for (String id : gone.getValue().ids) {
            Set<String> ids = tracesById.get(id);
            if (ids != null && ids.remove(gone.getKey()) && ids.isEmpty()) {
                tracesById.remove(id);
            }
        }
    }

    private static void trim(Set<String> ids) {
        Iterator<String> oldest = ids.iterator();
        while (ids.size() > TRACES_PER_ID) {
            oldest.next();
            oldest.remove();
        }
    }

    private static String cut(String value) {
        return value.length() <= ATTRIBUTE_LENGTH ? value : value.substring(0, ATTRIBUTE_LENGTH) + "…";
    }

    private static long micros(long nanos) {
        return TimeUnit.NANOSECONDS.toMicros(nanos);
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
