package dev.troupe.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: registrations on {@code POST /users/} (the users service, 201 with the user)
 * or {@code POST /external_users/} (the gateway, 202 with a request id), open loop at a fixed rate
 * (each send at its scheduled time whatever came back, and its latency measured from that time, so
 * a slow service cannot hide its queue: no coordinated omission) or closed loop (each client sends
 * its next registration when its last was answered).
 */
public final class Load {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Where registrations go and what accepts one.
     *
     * @param path     the resource registered at
     * @param accepted the status of an accepted registration
     * @param idField  the answer's field that names it (a user id, a request id)
     */
    public record Target(String path, int accepted, String idField) {

        /** The users service: a user registered, or refused, before the answer. */
        public static final Target USERS = new Target("/users/", 201, "id");
        /** The seed's gateway: the command published, the outcome later. */
        public static final Target GATEWAY = new Target("/external_users/", 202, "request_id");

        Pattern id() {
            return Pattern.compile("\"" + idField + "\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        }
    }

    /** One registration: its name and address, when it was due, and what came back. */
    public static final class Registration {
        public final String name;
        public final String email;
        public final long dueNanos;
        public volatile long answeredNanos;
        public volatile int status;
        /** The answer's id: the user's, or the request's (see {@link Target#idField()}). */
        public volatile String id;
        private final int acceptedStatus;

        Registration(String name, String email, long dueNanos, int acceptedStatus) {
            this.name = name;
            this.email = email;
            this.dueNanos = dueNanos;
            this.acceptedStatus = acceptedStatus;
        }

        public boolean accepted() {
            return status == acceptedStatus;
        }
    }

    /** The registrations of one step, sent over [startNanos, endNanos). */
    public static final class Step {
        public final String label;
        public final int rate;
        public final long startNanos;
        public final long endNanos;
        public final List<Registration> registrations;
        final AtomicInteger answered = new AtomicInteger();

        Step(String label, int rate, long startNanos, long endNanos, List<Registration> registrations) {
            this.label = label;
            this.rate = rate;
            this.startNanos = startNanos;
            this.endNanos = endNanos;
            this.registrations = registrations;
        }

        public double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private final HttpClient http;
    private final Target target;
    private final URI uri;
    private final Pattern id;
    private final String run;

    /** @param run a few characters that make this run's addresses its own */
    public Load(HttpClient http, String base, Target target, String run) {
        this.http = http;
        this.target = target;
        this.uri = URI.create(base + target.path());
        this.id = target.id();
        this.run = run;
    }

    /** Offers {@code rate} registrations a second for {@code duration}, open loop. */
    public Step open(String label, int rate, Duration duration) {
        return open(label, rate, duration, step -> { });
    }

    /** The same, handing the step to {@code started} before the first is sent, to follow its answers as they come. */
    public Step open(String label, int rate, Duration duration, java.util.function.Consumer<Step> started) {
        int planned = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        long interval = Math.round(1e9 / rate);
        long start = System.nanoTime() + 1_000_000;
        List<Registration> registrations = new ArrayList<>(planned);
        for (int i = 0; i < planned; i++) {
            registrations.add(registration(label, i, start + i * interval));
        }
        Step step = new Step(label, rate, start, start + planned * interval, List.copyOf(registrations));
        started.accept(step);
        for (Registration registration : registrations) {
            long wait = registration.dueNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            http.sendAsync(request(registration), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> answered(step, registration, response));
        }
        return step;
    }

    /** {@code clients} clients each registering one user after another for {@code duration}. */
    public Step closed(String label, int clients, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
        Step step = new Step(label, 0, start, end, registrations);
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Registration registration = registration(label, next.getAndIncrement(), System.nanoTime());
                    registrations.add(registration);
                    HttpResponse<String> response = null;
                    try {
                        response = http.send(request(registration), HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException e) {
                        // counted as not accepted
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    answered(step, registration, response);
                }
            }, "closed-loop-" + c);
            client.start();
            threads.add(client);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return step;
    }

    /**
     * One registration sent now and answered before this returns: for a scenario's single cases
     * (an address registered again under another name).
     */
    public Registration once(String name, String email) throws InterruptedException {
        Registration registration = new Registration(name, email.toLowerCase(Locale.ROOT), System.nanoTime(), target.accepted());
        Step step = new Step("once", 0, registration.dueNanos, registration.dueNanos, List.of(registration));
        HttpResponse<String> response = null;
        try {
            response = http.send(request(registration), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // not accepted: the status says so
        }
        answered(step, registration, response);
        return registration;
    }

    /** Waits until every registration sent has its answer (or its time-out). */
    public static void awaitAnswers(Step step) {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() + 5_000_000_000L;
        while (step.answered.get() < step.registrations.size() && System.nanoTime() < deadline) {
            Waits.pause(Duration.ofMillis(50));
        }
    }

    private Registration registration(String label, int i, long dueNanos) {
        String local = ("b-" + run + "-" + label + "-" + i).toLowerCase(Locale.ROOT);
        return new Registration("Bench " + local, local + "@bench.invalid", dueNanos, target.accepted());
    }

    private HttpRequest request(Registration registration) {
        String body = "{\"name\":\"" + registration.name + "\",\"email\":\"" + registration.email + "\"}";
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void answered(Step step, Registration registration, HttpResponse<String> response) {
        registration.answeredNanos = System.nanoTime();
        if (response != null) {
            registration.status = response.statusCode();
            Matcher answer = id.matcher(response.body());
            if (answer.find()) {
                registration.id = answer.group(1);
            }
        } else {
            registration.status = -1;
        }
        step.answered.incrementAndGet();
    }
}
