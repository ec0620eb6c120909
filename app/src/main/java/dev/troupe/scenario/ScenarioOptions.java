package dev.troupe.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code troupe scenario} was asked, from its arguments.
 *
 * @param scenario      the scenario to run
 * @param flows         the flows to run it in, each on a system of its own: naive, reliable or both
 * @param registrations how many registrations it offers
 * @param rate          registrations a second
 * @param json          where the counts go as JSON, or null
 * @param launch        how the services and the embedded servers start: the jar named, or as this JVM started
 * @param servers       the real servers named, or the embedded ones
 */
record ScenarioOptions(Scenario scenario, List<String> flows, int registrations, int rate, Path json, Launch launch,
                       ServerChoice servers) {

    static final String USAGE = """
        usage: java -jar troupe.jar scenario --list
               java -jar troupe.jar scenario NAME [--flow naive|reliable|both] [--registrations 60] [--rate 20]
                                     [--json FILE] [--jar troupe.jar]
                                     [--spring.rabbitmq.host=H] [--spring.rabbitmq.port=P]
                                     [--spring.datasource.url=jdbc:postgresql://H:P/DB] [--spring.datasource.username=U]
        With RabbitMQ or PostgreSQL named (those properties, or SPRING_RABBITMQ_HOST, SPRING_DATASOURCE_URL … in the
        environment), each flow gets a virtual host and a schema of its own there, dropped at the end (rabbitmqctl on
        the PATH); with neither, each flow runs on the embedded broker and database, in a process of its own.""";

    private static final Set<String> NAMES = Set.of("flow", "registrations", "rate", "json", "jar",
        ServerChoice.RABBIT_HOST, ServerChoice.RABBIT_PORT, ServerChoice.DATABASE_URL, ServerChoice.DATABASE_USER);

    static ScenarioOptions parse(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("name a scenario (troupe scenario --list names them)");
        }
        Scenario scenario = Scenario.named(args.get(0));
        Map<String, String> given = new HashMap<>();
        List<String> rest = args.subList(1, args.size());
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String[] pair = arg.startsWith("--") ? arg.substring(2).split("=", 2) : new String[0];
            if (pair.length == 0 || !NAMES.contains(pair[0])) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            if (pair.length == 1) {
                // --flow naive, as well as --flow=naive
                if (i + 1 == rest.size()) {
                    throw new IllegalArgumentException("--" + pair[0] + " needs a value");
                }
                pair = new String[] {pair[0], rest.get(++i)};
            }
            given.put(pair[0], pair[1]);
        }
        String flow = given.getOrDefault("flow", "both");
        List<String> flows = switch (flow) {
            case "both" -> List.of("naive", "reliable");
            case "naive", "reliable" -> List.of(flow);
            default -> throw new IllegalArgumentException("--flow is naive, reliable or both, not '" + flow + "'");
        };
        int registrations = positive("registrations", given.getOrDefault("registrations", "60"));
        int rate = positive("rate", given.getOrDefault("rate", "20"));
        return new ScenarioOptions(scenario, flows, registrations, rate,
            given.containsKey("json") ? Path.of(given.get("json")) : null, launch(given.get("jar")),
            ServerChoice.of(given, System.getenv()));
    }

    /** The jar named, else the way this JVM was started (the packaged jar, or the class path of a development run). */
    private static Launch launch(String jar) {
        if (jar == null) {
            return Launch.ofThisProcess().orElseThrow(() -> new IllegalArgumentException(
                "this JVM cannot start the services again (" + Launch.HOW + " scenario …), or name the jar with --jar"));
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalArgumentException("no Troupe jar at " + jar + " (name it with --jar)");
        }
        return Launch.jar(Path.of(jar));
    }

    private static int positive(String name, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--" + name + " takes a positive whole number, not '" + text + "'");
    }
}
