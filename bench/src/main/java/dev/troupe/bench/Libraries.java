package dev.troupe.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CPU profile's samples by the code they were spent in: each stack (async-profiler's collapsed
 * form, root first) goes to the library of its leaf-most frame that belongs to one, so a
 * {@code HashMap.get} called by Jackson is JSON's and a socket write of the PostgreSQL driver is
 * JDBC's; the JVM's own threads (JIT compilers, GC) go by what they are. Where the thread table
 * ({@link Stages}) says which step of a registration spent the CPU, this says on what.
 */
final class Libraries {

    static final String JIT = "JIT compiler";
    static final String GC = "GC";
    static final String JDK = "JDK and other Java";
    static final String VM = "JVM and kernel";

    /** The JVM's threads, known by a frame of their stack. */
    private static final List<Map.Entry<String, List<String>>> VM_THREADS = List.of(
        Map.entry(JIT, List.of("CompileBroker::", "C2Compiler::", "Compiler::compile")),
        Map.entry(GC, List.of("GCTaskThread", "WorkerThread::run", "ConcurrentGCThread::run", "G1ConcurrentRefine",
            "G1ServiceThread", "VM_G1", "VM_GenCollect", "VM_ParallelGC")));

    /** Libraries by package prefix, the more specific before the more general. */
    static final List<Map.Entry<String, List<String>>> ORDER = List.of(
        Map.entry("Troupe", List.of("dev.troupe.")),
        Map.entry("Tomcat (HTTP)", List.of("org.apache.coyote.", "org.apache.catalina.", "org.apache.tomcat.")),
        Map.entry("Spring web + security", List.of("org.springframework.web.", "org.springframework.security.")),
        Map.entry("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson.")),
        Map.entry("validation", List.of("org.hibernate.validator.", "jakarta.validation.")),
        Map.entry("JDBC driver + pool", List.of("org.postgresql.", "com.zaxxer.hikari.", "org.h2.")),
        Map.entry("Spring JDBC + transactions", List.of("org.springframework.jdbc.", "org.springframework.transaction.",
            "org.springframework.dao.")),
        Map.entry("AMQP client", List.of("com.rabbitmq.")),
        Map.entry("Spring AMQP", List.of("org.springframework.amqp.")),
        Map.entry("tracing + metrics", List.of("io.opentelemetry.", "io.micrometer.")),
        Map.entry("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
        Map.entry("mail (Jakarta Mail)", List.of("org.eclipse.angus.", "jakarta.mail.", "com.sun.mail.",
            "jakarta.activation.")),
        Map.entry("embedded servers", List.of("org.apache.qpid.", "com.icegreen.")),
        Map.entry("Spring (other)", List.of("org.springframework.")));

    private Libraries() {
    }

    /** Samples by library, from collapsed stacks ({@code frame;frame;...;leaf count} a line); every key of the table. */
    static Map<String, Long> of(String collapsed) {
        Map<String, Long> samples = empty();
        for (String line : collapsed.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            try {
                samples.merge(libraryOf(line.substring(0, space)), Long.parseLong(line.substring(space + 1).strip()), Long::sum);
            } catch (NumberFormatException notAStack) {
                // a line the profiler wrote about itself
            }
        }
        return samples;
    }

    /** The library one stack's sample goes to. */
    static String libraryOf(String stack) {
        for (Map.Entry<String, List<String>> thread : VM_THREADS) {
            if (thread.getValue().stream().anyMatch(stack::contains)) {
                return thread.getKey();
            }
        }
        String[] frames = stack.split(";");
        boolean java = false;
        for (int i = frames.length - 1; i >= 0; i--) {
            String frame = frames[i].replace('/', '.');
            for (Map.Entry<String, List<String>> library : ORDER) {
                for (String prefix : library.getValue()) {
                    if (frame.startsWith(prefix)) {
                        return library.getKey();
                    }
                }
            }
            java |= frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.");
        }
        return java ? JDK : VM;
    }

    /** Every library with no sample, in the table's order. */
    static Map<String, Long> empty() {
        Map<String, Long> samples = new LinkedHashMap<>();
        ORDER.forEach(library -> samples.put(library.getKey(), 0L));
        List.of(JDK, GC, JIT, VM).forEach(kind -> samples.put(kind, 0L));
        return samples;
    }

    /** Samples of several processes added up. */
    static Map<String, Long> sum(List<Map<String, Long>> processes) {
        Map<String, Long> all = empty();
        processes.forEach(process -> process.forEach((library, count) -> all.merge(library, count, Long::sum)));
        return all;
    }

    /** Each library's share of {@code cpuMs}, in proportion to its samples; empty where there are none. */
    static Map<String, Double> share(Map<String, Long> samples, double cpuMs) {
        long total = samples.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        if (total > 0) {
            samples.forEach((library, count) -> shares.put(library, cpuMs * count / total));
        }
        return shares;
    }
}
