package dev.troupe.console.web;

import dev.troupe.console.OutboxWatch;
import dev.troupe.console.SystemMap;
import dev.troupe.console.TraceStore;
import dev.troupe.console.amqp.MessageTap;
import dev.troupe.web.AdminAccess;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The console's reads: the map, the outbox, the last messages, and the live feed of all three. */
@Hidden
@RestController
public class ConsoleController {

    private final SystemMap map;
    private final OutboxWatch outbox;
    private final MessageTap tap;
    private final ConsoleFeed feed;
    private final AdminAccess access;
    private final TraceStore traces;

    public ConsoleController(SystemMap map, OutboxWatch outbox, MessageTap tap, ConsoleFeed feed, AdminAccess access,
                             TraceStore traces) {
        this.access = access;
        this.traces = traces;
        this.map = map;
        this.outbox = outbox;
        this.tap = tap;
        this.feed = feed;
    }

    @GetMapping("/console/map")
    SystemMap.View map() {
        return map.now();
    }

    @GetMapping("/console/outbox")
    List<OutboxWatch.Sample> outbox() {
        return outbox.history();
    }

    /** The last messages seen; their addresses only to one who may see personal data. */
    @GetMapping("/console/messages")
    List<MessageTap.Seen> messages(HttpServletRequest request) {
        return access.allows(request) ? tap.recent() : tap.recent().stream().map(MessageTap.Seen::withoutEmail).toList();
    }

    /** The traces of a request, user, message or trace id, newest first; addresses only to one who may see them. */
    @GetMapping("/console/traces")
    List<TraceStore.Trace> traces(@RequestParam("id") String id, HttpServletRequest request) {
        List<TraceStore.Trace> found = traces.find(id.strip());
        return access.allows(request) ? found : found.stream().map(TraceStore.Trace::withoutEmails).toList();
    }

    /** The newest traces this process finished. */
    @GetMapping("/console/traces/recent")
    List<TraceStore.Summary> recentTraces() {
        return traces.recent(25);
    }

    @GetMapping(path = "/console/feed", produces = "text/event-stream")
    SseEmitter feed(HttpServletRequest request) throws IOException {
        return feed.open(access.allows(request));
    }
}
