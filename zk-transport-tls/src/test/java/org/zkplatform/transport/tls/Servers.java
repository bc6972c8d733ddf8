package org.zkplatform.transport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;

/** A server side that echoes and remembers its connections, and blocking clients for it. */
final class Servers {

    static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private Servers() {
    }

    /** Echoes every byte back and queues each connection as it opens. */
    static final class Echo implements ConnectionHandler {
        final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();

        @Override
        public void onOpen(Connection connection) {
            opened.add(connection);
        }

        @Override
        public void onData(Connection connection, ByteBuffer data) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data).flip();
            connection.write(copy);
        }

        Connection nextOpened() throws InterruptedException {
            Connection connection = opened.poll(10, TimeUnit.SECONDS);
            if (connection == null) {
                throw new AssertionError("no connection opened within 10 s");
            }
            return connection;
        }
    }

    /** A TLS client socket, handshake done. */
    static SSLSocket tlsClient(SSLContext context, InetSocketAddress server, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(server.getAddress(), server.getPort());
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        if (protocols.length > 0) {
            socket.setEnabledProtocols(protocols);
        }
        socket.startHandshake();
        return socket;
    }

    static Socket plainClient(InetSocketAddress server) throws IOException {
        Socket socket = new Socket(server.getAddress(), server.getPort());
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    /** Writes {@code text} and reads as many bytes back. */
    static String echo(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return new String(socket.getInputStream().readNBytes(bytes.length), StandardCharsets.UTF_8);
    }

    /** Whether the server closed {@code socket}: a read ends (EOF or reset) within the socket's timeout. */
    static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // drain whatever the server sent before closing (a TLS alert, say)
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }
}
