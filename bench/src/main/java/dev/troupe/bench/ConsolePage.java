package dev.troupe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A console page open for the whole run, as a person watching would have it: its live feed read
 * (and thrown away) in the benchmark's own process, so the service pays for the tap, the map's
 * looks and the events it sends, and the benchmark can compare a run with it to one without.
 */
final class ConsolePage implements AutoCloseable {

    private final InputStream feed;
    private final AtomicLong events = new AtomicLong();
    private final Thread reader;

    private ConsolePage(InputStream feed) {
        this.feed = feed;
        this.reader = new Thread(this::read, "console-page");
        reader.setDaemon(true);
        reader.start();
    }

    static ConsolePage open(HttpClient http, String base) throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/console/feed")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the console's feed answered " + answer.statusCode());
        }
        return new ConsolePage(answer.body());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(feed, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    events.incrementAndGet();
                }
            }
        } catch (IOException closed) {
            // the run is over
        }
    }

    long events() {
        return events.get();
    }

    @Override
    public void close() throws IOException {
        feed.close();
    }
}
