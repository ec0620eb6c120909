package dev.troupe.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy a test or a scenario can cut and restore, to make a real server unreachable
 * for the application while it keeps running (and while the server keeps serving everyone else):
 * cutting closes every open connection and refuses new ones, as a restart of the server would.
 * A thread per direction of each connection: written here rather than taken from a library
 * because it needs no more than this, and only the cut matters.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetAddress targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    /** To a port on this machine. */
    public TcpProxy(int targetPort) {
        this(InetAddress.getLoopbackAddress(), targetPort);
    }

    public TcpProxy(InetAddress targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = freePort();
        restore();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Accepts connections again. */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket accepting = server;
        daemon(() -> accept(accepting));
    }

    /** Closes every connection and stops listening: the target is unreachable through the proxy. */
    public synchronized void cut() {
        closeQuietly(server);
        server = null;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket accepting) {
        while (!accepting.isClosed()) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException e) {
                return; // cut: the server socket was closed
            }
            try {
                Socket target = new Socket(targetHost, targetPort);
                if (!register(accepting, client, target)) {
                    return;
                }
                pipe(client, target);
                pipe(target, client);
            } catch (IOException targetDown) {
                // the target itself is away (a stopped broker): refuse this client, keep accepting
                closeQuietly(client);
            }
        }
    }

    /**
     * Keeps a connection accepted just before a cut from outliving it: under the lock {@link #cut()}
     * holds, it is either registered before the cut closes everything, or closed here after it.
     */
    private synchronized boolean register(ServerSocket accepting, Socket client, Socket target) {
        if (server != accepting) {
            closeQuietly(client);
            closeQuietly(target);
            return false;
        }
        open.add(client);
        open.add(target);
        return true;
    }

    private void pipe(Socket from, Socket to) {
        daemon(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close the other
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "tcp-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }
}
