package dev.troupe.scenario;

import dev.troupe.Plural;
import dev.troupe.harness.Load;
import dev.troupe.harness.RabbitCluster;
import dev.troupe.harness.Waits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
            List<Load.Registration> accepted = stage.registrations().stream()
                .filter(Load.Registration::accepted).toList();
            // the first registrations stored before the second ones come, or which one wins is a race
            stage.awaitUsers(accepted.size(), Duration.ofSeconds(60));
            int again = again(options);
            for (int i = 0; i < again && i < accepted.size(); i++) {
                stage.registerOnce("Impostor " + i, accepted.get(i).email);
            }
            stage.say(Plural.count(again, "address") + " registered again, each under another name");
        }

        @Override
        long expectedTold(ScenarioOptions options) {
            return again(options);
        }
    },

    SMTP_OUTAGE("smtp-outage", "the mail server refuses every mail (451) for 5 s while registrations come in",
        "every registered user still gets exactly one welcome mail, once the server takes mail again") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            outage(stage, options, "the mail server refusing mail", () -> stage.sink.refuse(true), () -> stage.sink.refuse(false));
        }
    },

    BROKER_RESTART("broker-restart", "cuts every service off the broker for 5 s while registrations come in (a proxy in"
        + " the runner drops their connections, as a restart does; the broker keeps serving its other users)",
        "every accepted registration ends in one user, one mail and one coupon") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            outage(stage, options, "the broker cut off", stage.servers.broker::cut, stage.servers.broker::restore);
        }
    },

    DATABASE_OUTAGE("database-outage", "cuts every service off the database for 5 s while registrations come in (a proxy"
        + " in the runner)", "every accepted registration ends in one user, one mail and one coupon") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            outage(stage, options, "the database cut off", stage.servers.database::cut, stage.servers.database::restore);
        }
    },

    CRASH("crash", "kills each service in turn (kill -9) while registrations come in, and starts it again",
        "every accepted registration ends in one user, one mail and one coupon, none of them twice") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            int slice = Math.max(1, options.registrations() / stage.processes().size());
            for (String service : stage.processes()) {
                stage.register(slice, () -> {
                    stage.kill(service);
                    stage.start(service);
                });
            }
        }
    },

    DUPLICATE_DELIVERY("duplicate-delivery", "kills the mailer and the coupons service (kill -9) while they handle"
        + " registrations, before they acknowledge what they have done, and starts them again: what they had not"
        + " acknowledged comes again", "no second coupon and no second welcome mail (a mail sent again keeps its Message-ID)") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            stage.register(options.registrations(), () -> {
                stage.kill("mailer");
                stage.kill("coupons");
                stage.start("mailer");
                stage.start("coupons");
            });
        }
    },

    CREATE_THEN_DELETE("create-then-delete", "deletes each user as soon as it is stored, while its user_created is"
        + " still on its way to the mailer and the coupons", "every deleted user gone with its coupon revoked;"
        + " at most one mail each") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            stage.deletingWhile(() -> stage.register(options.registrations(), () -> { }));
        }
    },

    CHAOS("chaos", "runs two processes each of user-commands and mailer; while registrations and deletions flow,"
        + " kills each process in turn (kill -9) and starts it again, then cuts the broker off for 5 s, the database for"
        + " 5 s, and has the mail server refuse for 5 s",
        "every accepted registration ends in one user, one mail and one coupon, every accepted deletion in no user and"
        + " a revoked coupon; nothing twice, no mail to a user not stored") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            stage.stream(() -> {
                for (String process : stage.processes()) {
                    stage.kill(process);
                    stage.start(process);
                }
                broken(stage, "the broker cut off", stage.servers.broker::cut, stage.servers.broker::restore);
                broken(stage, "the database cut off", stage.servers.database::cut, stage.servers.database::restore);
                broken(stage, "the mail server refusing mail", () -> stage.sink.refuse(true), () -> stage.sink.refuse(false));
            });
        }

        @Override
        int instances(String service) {
            return service.equals("user-commands") || service.equals("mailer") ? 2 : 1;
        }
    },

    BROKER_NODE_LOSS("broker-node-loss", "runs the services on a three-node RabbitMQ cluster of the run's own, on"
        + " quorum queues; while registrations and deletions flow, kills the node that leads the queues (kill -9) and"
        + " starts it again 20 s later", "every accepted registration ends in one user, one mail and one coupon,"
        + " nothing twice; registrations accepted again within seconds, not only once the node is back") {
        @Override
        void play(Stage stage, ScenarioOptions options) throws Exception {
            RabbitCluster cluster = stage.servers.cluster;
            long[] away = new long[2];
            stage.stream(() -> {
                RabbitCluster.Node leader = cluster.leader();
                away[0] = System.nanoTime();
                cluster.kill(leader);
                stage.say("  " + leader.name() + ", leading the queues, killed (kill -9)");
                Waits.pause(NODE_AWAY);
                cluster.start(leader);
                away[1] = System.nanoTime();
                stage.say("  " + leader.name() + " started again");
            });
            List<Long> accepted = stage.registrations().stream().filter(Load.Registration::accepted)
                .map(registration -> registration.dueNanos).filter(due -> due >= away[0] && due <= away[1]).sorted().toList();
            long longest = 0;
            long previous = away[0];
            for (long due : accepted) {
                longest = Math.max(longest, due - previous);
                previous = due;
            }
            longest = Math.max(longest, away[1] - previous);
            stage.say(String.format("  while the node was away (%.1f s): %s accepted; longest time with"
                + " none accepted: %.1f s", (away[1] - away[0]) / 1e9, Plural.count(accepted.size(), "registration"),
                longest / 1e9));
        }

        @Override
        boolean cluster() {
            return true;
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
    /** Long enough to tell a mend from waiting: unmended, RabbitMQ 3.10 nacks a reconnected publisher until the node is back. */
    private static final Duration NODE_AWAY = Duration.ofSeconds(20);

    final String name;
    final String breaks;
    final String survives;

    Scenario(String name, String breaks, String survives) {
        this.name = name;
        this.breaks = breaks;
        this.survives = survives;
    }

    abstract void play(Stage stage, ScenarioOptions options) throws Exception;

    /** How many processes of a service the scenario runs (competing consumers, where more than one). */
    int instances(String service) {
        return 1;
    }

    /** Whether the scenario runs on a RabbitMQ cluster of its own rather than this machine's node. */
    boolean cluster() {
        return false;
    }

    /** How many registrations the reliable flow should refuse and say why (an address taken). */
    long expectedTold(ScenarioOptions options) {
        return 0;
    }

    private static int again(ScenarioOptions options) {
        return Math.max(1, options.registrations() / 10);
    }

    /** How many messages the flow should have parked at the end. */
    long expectedParked(String flow, ScenarioOptions options) {
        return 0;
    }

    /** Registrations with something broken for five seconds from a third of the way in, then mended. */
    private static void outage(Stage stage, ScenarioOptions options, String what, Stage.Action breakIt, Stage.Action mend)
        throws Exception {
        stage.register(options.registrations(), () -> broken(stage, what, breakIt, mend));
    }

    /** Something broken for five seconds, then mended. */
    private static void broken(Stage stage, String what, Stage.Action breakIt, Stage.Action mend) throws Exception {
        breakIt.run();
        stage.say("  " + what + " ...");
        Waits.pause(OUTAGE);
        mend.run();
        stage.say("  ... mended");
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
