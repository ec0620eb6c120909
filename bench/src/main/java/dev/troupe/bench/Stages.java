package dev.troupe.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Troupe's CPU by stage of a registration, from its threads' CPU times: each stage runs on threads
 * of its own name (Tomcat's for HTTP and the users' transaction, the relay's, each consumer's,
 * the status responder's), so a thread's name says which stage its time went to. Exact, with no
 * profiler in the way; what runs on a shared pool (the AMQP client's I/O, the embedded broker) is
 * a stage of its own.
 */
final class Stages {

    /** Stage, and the thread-name prefixes (as /proc keeps them: 15 characters) whose time is its. */
    static final List<Map.Entry<String, List<String>>> ORDER = List.of(
        Map.entry("HTTP + users' transaction", List.of("http-nio")),
        Map.entry("relay", List.of("outbox-relay")),
        Map.entry("user-commands", List.of("user-commands")),
        Map.entry("user check (responder)", List.of("users.status")),
        Map.entry("mailer (consumer + SMTP)", List.of("mailer.")),
        Map.entry("coupons", List.of("coupons")),
        Map.entry("gateway requests", List.of("gateway.")),
        Map.entry("AMQP client I/O", List.of("AMQP Connection", "pool-")),
        Map.entry("embedded broker", List.of("virtualhost", "broker-", "IO-", "VirtualHost", "Housekeeping")),
        Map.entry("GC", List.of("GC Thread", "G1 ")),
        Map.entry("JIT", List.of("C1 CompilerThre", "C2 CompilerThre")),
        Map.entry("other", List.of("")));

    private Stages() {
    }

    /** Seconds by stage, from seconds by thread name. */
    static Map<String, Double> of(Map<String, Double> byThread) {
        Map<String, Double> stages = new LinkedHashMap<>();
        ORDER.forEach(stage -> stages.put(stage.getKey(), 0.0));
        byThread.forEach((thread, seconds) -> stages.merge(stageOf(thread), seconds, Double::sum));
        return stages;
    }

    static String stageOf(String thread) {
        for (Map.Entry<String, List<String>> stage : ORDER) {
            for (String prefix : stage.getValue()) {
                if (thread.startsWith(prefix)) {
                    return stage.getKey();
                }
            }
        }
        return "other";
    }

    /**
     * CPU ms per registration by stage, between two readings of the threads' CPU seconds by name. A
     * thread that ended between them (the JVM stops compiler threads it no longer needs) counts for
     * nothing rather than taking its whole life's time off its stage.
     */
    static Map<String, Double> perRegistration(Map<String, Double> before, Map<String, Double> after, long registrations) {
        Map<String, Double> spent = new TreeMap<>();
        after.forEach((thread, seconds) -> spent.put(thread, Math.max(0, seconds - before.getOrDefault(thread, 0.0))));
        Map<String, Double> per = new LinkedHashMap<>();
        of(spent).forEach((stage, seconds) -> per.put(stage, registrations == 0 ? Double.NaN : seconds * 1000 / registrations));
        return per;
    }

    /** Adds thread times of several processes, by name. */
    static Map<String, Double> sum(List<Map<String, Double>> processes) {
        Map<String, Double> all = new TreeMap<>();
        processes.forEach(process -> process.forEach((name, seconds) -> all.merge(name, seconds, Double::sum)));
        return all;
    }
}
