package dev.troupe.support;

import dev.troupe.embedded.FreePort;
import dev.troupe.embedded.MailCatcher;

/** A real SMTP server for the tests that run on real servers; one per test JVM. */
public final class TestSmtp {

    private static MailCatcher server;

    private TestSmtp() {
    }

    public static synchronized MailCatcher server() {
        if (server == null) {
            server = new MailCatcher(FreePort.any());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

}
