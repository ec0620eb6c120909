package dev.troupe.console.web;

import dev.troupe.console.OutboxWatch;
import dev.troupe.console.SystemMap;
import dev.troupe.console.amqp.MessageTap;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
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

    public ConsoleController(SystemMap map, OutboxWatch outbox, MessageTap tap, ConsoleFeed feed) {
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

    @GetMapping("/console/messages")
    List<MessageTap.Seen> messages() {
        return tap.recent();
    }

    @GetMapping(path = "/console/feed", produces = "text/event-stream")
    SseEmitter feed() throws IOException {
        return feed.open();
    }
}
