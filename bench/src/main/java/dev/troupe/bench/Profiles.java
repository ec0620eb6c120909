package dev.troupe.bench;

import dev.troupe.harness.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import one.profiler.AsyncProfilerLoader;

/**
 * A CPU profile of every Troupe process over each counted step: async-profiler (its binaries as
 * ap-loader ships them on Maven Central) attached from the benchmark's process to each JVM when
 * the step begins, a flame graph written beside the report when it ends, and the samples counted
 * by library ({@link Libraries}). Sampling on CPU time (perf events, or the interval timer where
 * the kernel refuses them) every 10 ms of a thread's CPU: about 1 % of what it measures.
 */
final class Profiles {

    private static final String INTERVAL = "10ms";

    /** One step's profile: its flame graphs (one per process), its samples by library, or why there is none. */
    record Profile(List<Path> flameGraphs, Map<String, Long> samples, String note) {

        static Profile none(String note) {
            return new Profile(List.of(), Map.of(), note);
        }
    }

    private final List<ServiceProcess> nodes;
    private final Path folder;
    private String event = "cpu";
    /** Why no profile is taken; null while profiles are taken. */
    private String off;

    Profiles(List<ServiceProcess> nodes, Path folder, boolean wanted) {
        this.nodes = List.copyOf(nodes);
        this.folder = folder;
        this.off = !wanted ? "not taken (--profile=false)"
            : AsyncProfilerLoader.isSupported() ? null : "not taken: async-profiler has no build for this system";
    }

    /** Starts sampling every process; a profiler that cannot attach is said once, and the run goes on without it. */
    void start() {
        if (off != null) {
            return;
        }
        for (ServiceProcess node : nodes) {
            try {
                profiler("start", "-e", event, "-i", INTERVAL, Long.toString(node.pid()));
            } catch (IOException | RuntimeException refused) {
                if (event.equals("cpu") && node == nodes.get(0)) {
                    // perf events refused by the kernel, at the first process (none started yet): the
                    // interval timer needs nothing of it
                    event = "itimer";
                    start();
                    return;
                }
                off = "not taken: " + oneLine(refused);
                System.out.println("  profiler: " + off);
                return;
            }
        }
    }

    /** Stops sampling; the step's flame graphs (profile-{@code name}*.html) and its samples by library. */
    Profile stop(String name) {
        if (off != null) {
            return Profile.none(off);
        }
        List<Path> graphs = new ArrayList<>();
        List<Map<String, Long>> samples = new ArrayList<>();
        try {
            for (ServiceProcess node : nodes) {
                String file = "profile-" + name + (nodes.size() == 1 ? "" : "-" + node.services().replace(',', '+'));
                Path collapsed = folder.resolve(file + ".collapsed");
                Path graph = folder.resolve(file + ".html");
                String pid = Long.toString(node.pid());
                profiler("dump", "-o", "collapsed", "-f", collapsed.toString(), pid);
                profiler("stop", "-o", "flamegraph", "--title", "Troupe, " + name + " (" + node.services() + ")",
                    "-f", graph.toString(), pid);
                samples.add(Libraries.of(Files.readString(collapsed)));
                graphs.add(graph);
            }
        } catch (IOException | RuntimeException failed) {
            return Profile.none("failed: " + oneLine(failed));
        }
        return new Profile(graphs, Libraries.sum(samples), "async-profiler " + AsyncProfilerLoader.getVersion()
            + ", event " + event + ", every " + INTERVAL + " of a thread's CPU");
    }

    private static void profiler(String... arguments) throws IOException {
        AsyncProfilerLoader.executeProfiler(arguments);
    }

    private static String oneLine(Exception e) {
        return String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ");
    }
}
