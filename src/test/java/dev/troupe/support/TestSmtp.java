package dev.troupe.support;

import dev.troupe.embedded.MailCatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A real SMTP server for the tests that run on real servers; one per test JVM. */
public final class TestSmtp {

    private static MailCatcher server;

    private TestSmtp() {
    }

    public static synchronized MailCatcher server() {
        if (server == null) {
            server = new MailCatcher(freePort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
