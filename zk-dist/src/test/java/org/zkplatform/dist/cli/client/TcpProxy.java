package org.zkplatform.dist.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 in front of a server, so a test can break a client's connection
 * ({@link #dropConnections}) or freeze it and hold new ones ({@link #hold}) without touching the
 * server. Its threads are daemons and end when {@link #close} closes every socket.
 */
final class TcpProxy implements AutoCloseable {

    private static final long HOLD_POLL_MS = 10;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean held;
    private volatile boolean closed;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TcpProxy to(InetSocketAddress target) {
        try {
            return new TcpProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HostPort address() {
        return new HostPort("127.0.0.1", listener.getLocalPort());
    }

    /** Closes every connection made so far, both ways; new ones are forwarded as before. */
    void dropConnections() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /** Stops forwarding: bytes already connected are swallowed, new connections wait. */
    void hold() {
        held = true;
    }

    /** Forwards again, including the connections that waited. */
    void release() {
        held = false;
    }

    @Override
    public void close() {
        closed = true;
        held = false;
        closeQuietly(listener);
        dropConnections();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Thread connector = new Thread(() -> connect(client), "proxy-connect");
                connector.setDaemon(true);
                connector.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        awaitRelease();
        try {
            Socket upstream = new Socket();
            sockets.add(upstream);
            upstream.connect(target, 5000);
            pump(client, upstream);
            pump(upstream, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (held) {
                        // Frozen: what arrived is lost, as on a dead link.
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed; close the other below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitRelease() {
        while (held && !closed) {
            try {
                Thread.sleep(HOLD_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is wanted.
        }
    }
}
