package dev.troupe.scenario;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The scenarios {@code troupe scenario} runs, each in the seed's flow and in Troupe's: what it
 * breaks, what should survive, and what it does to the running system.
 */
enum Scenario {

    MAILER_DOWN("mailer-down", "stops the mailer while registrations come in, then starts it",
        "every registered user gets exactly one welcome mail") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            stage.register(options.registrations(), () -> stage.stop("mailer"));
            stage.start("mailer");
        }
    },

    USER_SERVICE_DOWN("user-service-down",
        "stops the users service's command consumers (user-commands) while registrations come in, then starts them",
        "no mail reaches an address before its user exists; every registration ends in a user, a mail and a coupon") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            stage.register(options.registrations(), () -> stage.stop("user-commands"));
            stage.start("user-commands");
        }
    },

    EMAIL_TAKEN("email-taken", "registers addresses again, under other names: the users service refuses them",
        "no mail follows a refused registration, and its client is told why") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            stage.register(options.registrations(), () -> { });
            // the first registrations stored before the second ones come, or which one wins is a race
            stage.awaitUsers(options.registrations(), Duration.ofSeconds(60));
            int again = Math.max(1, options.registrations() / 10);
            for (int i = 0; i < again; i++) {
                stage.registerOnce("Impostor " + i, stage.registrations().get(i).email);
            }
            stage.say(again + " addresses registered again under other names");
        }
    },

    SMTP_OUTAGE("smtp-outage", "the mail server refuses every mail (451) for 5 s while registrations come in",
        "every registered user still gets exactly one welcome mail, once the server takes mail again") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            long[] refusedAt = new long[1];
            stage.register(options.registrations(), () -> {
                stage.sink.refuse(true);
                refusedAt[0] = System.nanoTime();
                stage.say("  the mail server refuses mail");
            });
            dev.troupe.harness.Waits.pause(Duration.ofNanos(Math.max(0, refusedAt[0] + OUTAGE.toNanos() - System.nanoTime())));
            stage.sink.refuse(false);
            stage.say("  the mail server takes mail again");
        }
    },

    POISON_MESSAGE("poison-message", "publishes create_user messages that are not JSON among the good ones",
        "each poison message is parked with its reason; every good registration is served") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            stage.register(options.registrations(), () -> stage.publishPoison(poison(options)));
        }

        @Override
        long expectedParked(String flow, ScenarioOptions options) {
            // the reliable flow parks each at the one consumer of create_user; the seed's drops them
            return flow.equals("reliable") ? poison(options) : 0;
        }
    };

    private static final Duration OUTAGE = Duration.ofSeconds(5);

    final String name;
    final String breaks;
    final String survives;

    Scenario(String name, String breaks, String survives) {
        this.name = name;
        this.breaks = breaks;
        this.survives = survives;
    }

    abstract void play(Stage stage, ScenarioOptions options) throws Exception;

    /** How many messages the flow should have parked at the end. */
    long expectedParked(String flow, ScenarioOptions options) {
        return 0;
    }

    private static int poison(ScenarioOptions options) {
        return Math.max(1, options.registrations() / 20);
    }

    static Scenario named(String name) {
        return Arrays.stream(values()).filter(scenario -> scenario.name.equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no scenario '" + name + "'; there are "
                + Arrays.stream(values()).map(scenario -> scenario.name).collect(Collectors.joining(", "))));
    }
}
