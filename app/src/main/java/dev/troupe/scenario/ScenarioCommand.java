package dev.troupe.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar troupe.jar scenario …}: runs one scenario in the flows asked, each on a system
 * of its own, shows its progress, ends with the table of invariants and, with {@code --json}, the
 * same counts as JSON. Exit status 0 when the reliable flow kept every invariant (or, run alone,
 * when the naive flow's run completed), 1 when it did not or the run failed, 2 for a bad command line.
 */
public final class ScenarioCommand {

    /** The table's rows: label, JSON key, the count. */
    private record Row(String label, String key, ToDoubleFunction<Census.Counts> value) {

        /** The figure: a whole number where it is one (counts), else a decimal (seconds). */
        Number of(Census.Counts counts) {
            double figure = value.applyAsDouble(counts);
            return figure == Math.rint(figure) ? (Number) (long) figure : (Number) (Math.round(figure * 10) / 10.0);
        }
    }

    private static final List<Row> ROWS = List.of(
        new Row("registrations accepted", "accepted", Census.Counts::accepted),
        new Row("refused, the client told why", "told", Census.Counts::told),
        new Row("users persisted", "persisted", Census.Counts::persisted),
        new Row("users deleted (deletions accepted)", "deleted", Census.Counts::deleted),
        new Row("users with exactly one welcome mail", "with_one_mail", Census.Counts::withOneMail),
        new Row("registrations without a user, mail or coupon (lost)", "lost", Census.Counts::lost),
        new Row("addresses with more than one mail (duplicated)", "duplicated", Census.Counts::duplicated),
        new Row("addresses sent the same mail again (same Message-ID)", "resent", Census.Counts::resent),
        new Row("mails to users that do not exist (yet)", "mails_to_missing_users", Census.Counts::mailsToMissing),
        new Row("deleted users mailed all the same", "deleted_mailed", Census.Counts::deletedMailed),
        new Row("coupons active", "coupons_active", Census.Counts::couponsActive),
        new Row("coupons revoked", "coupons_revoked", Census.Counts::couponsRevoked),
        new Row("messages parked", "parked", Census.Counts::parked),
        new Row("messages still queued", "queued", Census.Counts::queued),
        new Row("seconds to settle (-1: not within 2 min)", "settled_seconds", Census.Counts::settledSeconds));

    private ScenarioCommand() {
    }

    /** One scenario as {@code scenario --list} names it, for a runner elsewhere (the console's buttons). */
    public record Listed(String name, String breaks, String survives) {
    }

    public static List<Listed> scenarios() {
        return java.util.Arrays.stream(Scenario.values())
            .map(scenario -> new Listed(scenario.name, scenario.breaks, scenario.survives)).toList();
    }

    /** @param args what followed {@code scenario} on the command line */
    public static int run(List<String> args) {
        // no Spring context here to configure logging: the SMTP sink's library would log every connection
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
            .setLevel(ch.qos.logback.classic.Level.WARN);
        if (args.equals(List.of("--list"))) {
            for (Scenario scenario : Scenario.values()) {
                System.out.printf("%-18s %s; should survive: %s%n", scenario.name, scenario.breaks, scenario.survives);
            }
            return 0;
        }
        if (args.equals(List.of("--help")) || args.equals(List.of("-h"))) {
            System.out.println(ScenarioOptions.USAGE);
            return 0;
        }
        ScenarioOptions options;
        try {
            options = ScenarioOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("troupe scenario: " + e.getMessage());
            System.err.println(ScenarioOptions.USAGE);
            return 2;
        }
        try {
            return run(options);
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            System.err.println("troupe scenario: " + options.scenario().name + " failed: " + why.strip().replaceAll("\\s+", " "));
            return 1;
        }
    }

    private static int run(ScenarioOptions options) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path work = Files.createTempDirectory("troupe-scenario-" + run + "-");
        Scenario scenario = options.scenario();
        say(scenario.name + ": " + scenario.breaks + "; should survive: " + scenario.survives);
        Map<String, Census.Counts> results = new LinkedHashMap<>();
        Map<String, Census.Offenders> offenders = new LinkedHashMap<>();
        for (String flow : options.flows()) {
            try (Stage stage = Stage.start(options, flow, run, work.resolve(flow), line -> say("[" + flow + "] " + line))) {
                stage.say(scenario.name + " ...");
                scenario.play(stage, options);
                stage.say("settling: waiting for the queues and the outbox to drain and the mails to stop ...");
                Census census = new Census(stage);
                results.put(flow, census.settleAndCount());
                offenders.put(flow, census.offenders());
            }
        }
        System.out.println();
        System.out.println(table(results));
        if (options.json() != null) {
            writeJson(options, results);
        }
        Census.Counts reliable = results.get("reliable");
        if (reliable == null) {
            return 0;
        }
        boolean held = reliable.hold(scenario.expectedTold(options), scenario.expectedParked("reliable", options));
        say(held ? "the reliable flow kept every invariant"
            : "the reliable flow broke an invariant:\n" + offenders.get("reliable").describe(5)
              + "  (parked " + reliable.parked() + ", expected " + scenario.expectedParked("reliable", options)
              + "; queued " + reliable.queued() + "; logs in " + work + ")");
        return held ? 0 : 1;
    }

    static String table(Map<String, Census.Counts> results) {
        StringBuilder table = new StringBuilder("| invariant |");
        results.keySet().forEach(flow -> table.append(' ').append(flow).append(" |"));
        table.append("\n|---|").append("---|".repeat(results.size())).append('\n');
        for (Row row : ROWS) {
            table.append("| ").append(row.label()).append(" |");
            results.values().forEach(counts -> table.append(' ').append(row.of(counts)).append(" |"));
            table.append('\n');
        }
        return table.toString();
    }

    private static void writeJson(ScenarioOptions options, Map<String, Census.Counts> results) throws Exception {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("scenario", options.scenario().name);
        document.put("registrations", options.registrations());
        results.forEach((flow, counts) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            ROWS.forEach(row -> figures.put(row.key(), row.of(counts)));
            figures.put("held", counts.hold(options.scenario().expectedTold(options), options.scenario().expectedParked(flow, options)));
            document.put(flow, figures);
        });
        Path json = options.json().toAbsolutePath();
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        Files.writeString(json, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
            .writeValueAsString(document));
        say("counts written to " + json);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
