package dev.troupe.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A free loopback port, for embedded servers asked to run on port 0 (and for tests that need one). */
public final class FreePort {

    private FreePort() {
    }

    public static int any() {
        return orAny(0);
    }

    static int orAny(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code port} if nothing listens on it on loopback, else a free one: the embedded servers take
     * the ports the seed's clients expect (5672 for AMQP, 1025 for MailCatcher's SMTP) when they can,
     * and still start beside a real server that holds them.
     */
    static int preferring(int port) {
        if (port == 0) {
            return any();
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException inUse) {
            return any();
        }
    }
}
