package dev.troupe.console.web;

import dev.troupe.console.OutboxWatch;
import dev.troupe.console.QueueRates;
import dev.troupe.console.SystemMap;
import dev.troupe.console.amqp.MessageTap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's live feed, as server-sent events to every open page: the map with its rates and
 * the outbox each second, and the messages the tap saw every quarter second, in one event each.
 * It samples, and taps the exchanges, only while a page is open; a page that cannot keep up is
 * dropped (its browser reconnects), and messages waiting for the next send are bounded.
 */
public class ConsoleFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsoleFeed.class);
    private static final int WAITING = 1000;
    private static final int PENDING = 16;

    private final SystemMap map;
    private final OutboxWatch outbox;
    private final MessageTap tap;
    private final QueueRates rates = new QueueRates();
    /**
     * An open page, whether its reader may see personal data (the addresses in the messages), and
     * its own sender: a page that reads slowly blocks only its own writes, and once
     * {@value #PENDING} events wait for it, it is dropped (its browser reconnects).
     */
    private record Page(SseEmitter emitter, boolean personal, ThreadPoolExecutor sender) {

        static Page of(SseEmitter emitter, boolean personal) {
            ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(PENDING), runnable -> {
                    Thread thread = new Thread(runnable, "console-page");
                    thread.setDaemon(true);
                    return thread;
                });
            return new Page(emitter, personal, sender);
        }
    }

    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private final List<MessageTap.Seen> waiting = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-feed");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> snapshots;
    private ScheduledFuture<?> messages;
    private long dropped;

    public ConsoleFeed(SystemMap map, OutboxWatch outbox, MessageTap tap) {
        this.map = map;
        this.outbox = outbox;
        this.tap = tap;
        tap.onSeen(this::seen);
    }

    /** A page opened: it gets what there is now, then every change; {@code personal}: with the addresses. */
    public SseEmitter open(boolean personal) throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        Page page = Page.of(emitter, personal);
        emitter.onCompletion(() -> close(page));
        emitter.onTimeout(() -> close(page));
        emitter.onError(failure -> close(page));
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("map", withRates(Map.of()));
        hello.put("outbox", outbox.history());
        hello.put("messages", personal ? tap.recent() : tap.recent().stream().map(MessageTap.Seen::withoutEmail).toList());
        hello.put("personal", personal);
        emitter.send(SseEmitter.event().name("hello").data(hello, MediaType.APPLICATION_JSON));
        pages.add(page);
        watching();
        return emitter;
    }

    private synchronized void watching() {
        if (snapshots != null) {
            return;
        }
        try {
            tap.open();
        } catch (IOException | RuntimeException e) {
            log.warn("The console cannot tap the exchanges ({}); the map and the outbox still show", e.toString());
        }
        snapshots = timer.scheduleAtFixedRate(this::snapshot, 0, 1, TimeUnit.SECONDS);
        messages = timer.scheduleAtFixedRate(this::flush, 250, 250, TimeUnit.MILLISECONDS);
    }

    private void close(Page page) {
        pages.remove(page);
        page.sender().shutdownNow();
        synchronized (this) {
            if (pages.isEmpty() && snapshots != null) {
                snapshots.cancel(false);
                messages.cancel(false);
                snapshots = null;
                messages = null;
                tap.close();
            }
        }
    }

    private void seen(MessageTap.Seen seen) {
        rates.published(seen.exchange(), seen.routingKey());
        synchronized (waiting) {
            if (waiting.size() == WAITING) {
                waiting.remove(0);
                dropped++;
            }
            waiting.add(seen);
        }
    }

    private void snapshot() {
        try {
            send("map", withRates(null));
            send("outbox", outbox.sample());
        } catch (RuntimeException e) {
            log.debug("Console snapshot failed: {}", e.toString());
        }
    }

    /** The map now, with each queue's rates since the last snapshot (none given: computed now). */
    private Map<String, Object> withRates(Map<String, QueueRates.Rate> given) {
        SystemMap.View view = map.now();
        Map<String, Long> depths = new HashMap<>();
        view.queues().forEach(queue -> depths.put(queue.name(), queue.depth()));
        Map<String, QueueRates.Rate> now = given != null ? given : rates.since(map.declared(), depths, System.nanoTime());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exchanges", view.exchanges());
        body.put("queues", view.queues().stream().map(queue -> Map.of("queue", queue,
            "rate", now.getOrDefault(queue.name(), new QueueRates.Rate(0, 0)))).toList());
        body.put("tapped", tap.isOpen());
        return body;
    }

    private void flush() {
        try {
            flushNow();
        } catch (RuntimeException e) {
            // a failure must not end the repeating task: the next quarter second tries again
            log.debug("Console messages not sent: {}", e.toString());
        }
    }

    private void flushNow() {
        List<MessageTap.Seen> batch;
        long lost;
        synchronized (waiting) {
            if (waiting.isEmpty()) {
                return;
            }
            batch = List.copyOf(waiting);
            waiting.clear();
            lost = dropped;
            dropped = 0;
        }
        send("messages", Map.of("messages", batch, "dropped", lost),
            Map.of("messages", batch.stream().map(MessageTap.Seen::withoutEmail).toList(), "dropped", lost));
    }

    private void send(String name, Object data) {
        send(name, data, data);
    }

    /** {@code data} to the pages that may see personal data, {@code redacted} to the others. */
    private void send(String name, Object data, Object redacted) {
        for (Page page : pages) {
            try {
                page.sender().execute(() -> write(page, name, page.personal() ? data : redacted));
            } catch (RejectedExecutionException behind) {
                drop(page, new IOException("the page is " + PENDING + " events behind"));
            }
        }
    }

    private void write(Page page, String name, Object data) {
        try {
            page.emitter().send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            drop(page, gone);
        }
    }

    private void drop(Page page, Exception why) {
        try {
            page.emitter().completeWithError(why);
        } catch (RuntimeException alreadyGone) {
            log.debug("Console page already closed: {}", alreadyGone.toString());
        }
        close(page);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        tap.close();
        pages.forEach(page -> {
            page.sender().shutdownNow();
            page.emitter().complete();
        });
    }
}
