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
}
