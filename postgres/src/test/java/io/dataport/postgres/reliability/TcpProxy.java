package io.dataport.postgres.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy for fault injection: listens on 127.0.0.1 only and forwards to one target, or silently
 * swallows every byte in both directions (a network that drops packets: no reset, no close). Bounded: at most
 * {@link #MAX_CONNECTIONS} connections at once, and it closes itself after {@link #MAX_LIFETIME} whatever the
 * test does.
 *
 * <pre>{@code try (TcpProxy proxy = TcpProxy.start("127.0.0.1", 5432)) { proxy.blackhole(); ... proxy.forward(); }}</pre>
 */
public final class TcpProxy implements AutoCloseable {
    static final int MAX_CONNECTIONS = 64;
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final Object bytesSeen = new Object();
    private volatile boolean forwarding = true;
    private volatile boolean closed;
    private long clientBytes;
    private int accepted;

    private TcpProxy(String targetHost, int targetPort, int port) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        daemon("tcp-proxy-accept", this::acceptLoop);
        daemon("tcp-proxy-lifetime", () -> {
            long end = System.nanoTime() + MAX_LIFETIME.toNanos();
            synchronized (bytesSeen) {
                while (!closed && System.nanoTime() < end) {
                    try {
                        bytesSeen.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            close();
        });
    }

    /** Starts a proxy on a free loopback port, forwarding to {@code host:port}. */
    public static TcpProxy start(String host, int port) throws IOException {
        return new TcpProxy(host, port, 0);
    }

    /** Starts a proxy on the given loopback port (for a server that "comes up" where a client already points). */
    public static TcpProxy startOn(int listenPort, String host, int port) throws IOException {
        return new TcpProxy(host, port, listenPort);
    }

    /** A loopback port nothing listens on now: connecting to it is refused, as to a server that is down. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Forwards traffic again, for connections made from now on (connections that lost bytes stay broken). */
    public void forward() {
        forwarding = true;
    }

    /** Drops every byte from now on, both ways and on new connections, without closing anything. */
    public void blackhole() {
        forwarding = false;
    }

    /** How many connections the proxy accepted so far. */
    public synchronized int accepted() {
        return accepted;
    }

    /** How many bytes clients sent so far. */
    public long clientBytes() {
        synchronized (bytesSeen) {
            return clientBytes;
        }
    }

    /** Waits until clients sent more than {@code bytes} bytes in all; false if that did not happen in time. */
    public boolean awaitClientBytesAbove(long bytes, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (bytesSeen) {
            while (clientBytes <= bytes) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                bytesSeen.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            return true;
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (bytesSeen) {
            bytesSeen.notifyAll();
        }
        quietClose(server);
        for (Socket s : sockets) {
            quietClose(s);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            synchronized (this) {
                accepted++;
            }
            if (open.incrementAndGet() > MAX_CONNECTIONS) {
                open.decrementAndGet();
                quietClose(client);
                continue;
            }
            sockets.add(client);
            daemon("tcp-proxy-conn", () -> serve(client));
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try {
            if (forwarding) {
                upstream = new Socket();
                sockets.add(upstream);
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 5000);
                Socket up = upstream;
                daemon("tcp-proxy-down", () -> pump(up, client, false));
            }
            pump(client, upstream, true);
        } catch (IOException e) {
            // The target refused: drop the client like a dead network would, by closing below.
        } finally {
            quietClose(client);
            if (upstream != null) {
                quietClose(upstream);
            }
            open.decrementAndGet();
        }
    }

    /** Copies {@code from} to {@code to} while forwarding; swallows the bytes otherwise. */
    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to == null ? null : to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (fromClient) {
                    synchronized (bytesSeen) {
                        clientBytes += n;
                        bytesSeen.notifyAll();
                    }
                }
                if (forwarding && out != null) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (SocketException e) {
            // Closed by the other pump, the test, or the peer.
        } catch (IOException e) {
            // Same: the connection is over.
        } finally {
            quietClose(from);
            if (to != null) {
                quietClose(to);
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private void quietClose(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Closing: nothing to do.
        } finally {
            if (c instanceof Socket) {
                sockets.remove(c);
            }
        }
    }
}
