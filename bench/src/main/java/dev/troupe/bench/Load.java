package dev.troupe.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: registrations on {@code POST /users/}, open loop at a fixed rate (each send
 * at its scheduled time whatever came back, and its latency measured from that time, so a slow
 * service cannot hide its queue: no coordinated omission) or closed loop (each client sends its
 * next registration when its last was answered).
 */
final class Load {

    private static final Pattern USER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One registration: its address, when it was due, and what came back. */
    static final class Registration {
        final String email;
        final long dueNanos;
        volatile long answeredNanos;
        volatile int status;
        volatile String userId;

        Registration(String email, long dueNanos) {
            this.email = email;
            this.dueNanos = dueNanos;
        }

        boolean accepted() {
            return status == 201;
        }
    }

    /** The registrations of one step, sent over [startNanos, endNanos). */
    static final class Step {
        final String label;
        final int rate;
        final long startNanos;
        final long endNanos;
        final List<Registration> registrations;
        final AtomicInteger answered = new AtomicInteger();

        Step(String label, int rate, long startNanos, long endNanos, List<Registration> registrations) {
            this.label = label;
            this.rate = rate;
            this.startNanos = startNanos;
            this.endNanos = endNanos;
            this.registrations = registrations;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private final HttpClient http;
    private final URI users;
    private final String run;

    Load(HttpClient http, String usersBase, String run) {
        this.http = http;
        this.users = URI.create(usersBase + "/users/");
        this.run = run;
    }

    /** Offers {@code rate} registrations a second for {@code duration}, open loop. */
    Step open(String label, int rate, Duration duration) {
        int planned = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        long interval = Math.round(1e9 / rate);
        long start = System.nanoTime() + 1_000_000;
        List<Registration> registrations = new ArrayList<>(planned);
        for (int i = 0; i < planned; i++) {
            registrations.add(new Registration(email(label, i), start + i * interval));
        }
        Step step = new Step(label, rate, start, start + planned * interval, List.copyOf(registrations));
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
    Step closed(String label, int clients, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
        Step step = new Step(label, 0, start, end, registrations);
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Registration registration = new Registration(email(label, next.getAndIncrement()), System.nanoTime());
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

    /** Waits until every registration sent has its answer (or its time-out). */
    static void awaitAnswers(Step step) {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() + 5_000_000_000L;
        while (step.answered.get() < step.registrations.size() && System.nanoTime() < deadline) {
            ServiceUnderTest.pause(Duration.ofMillis(50));
        }
    }

    private String email(String label, int i) {
        return ("b-" + run + "-" + label + "-" + i + "@bench.invalid").toLowerCase(java.util.Locale.ROOT);
    }

    private HttpRequest request(Registration registration) {
        String body = "{\"name\":\"Bench " + registration.email.substring(0, registration.email.indexOf('@'))
            + "\",\"email\":\"" + registration.email + "\"}";
        return HttpRequest.newBuilder(users).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void answered(Step step, Registration registration, HttpResponse<String> response) {
        registration.answeredNanos = System.nanoTime();
        if (response != null) {
            registration.status = response.statusCode();
            Matcher id = USER_ID.matcher(response.body());
            if (id.find()) {
                registration.userId = id.group(1);
            }
        } else {
            registration.status = -1;
        }
        step.answered.incrementAndGet();
    }
}
