package org.zkplatform.dist.cli.client;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.zkplatform.zab.proto.ConnectRequest;
import org.zkplatform.zab.proto.ConnectResponse;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteOutput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.RequestHeader;

/**
 * One TCP connection to one server, past the handshake. Frames are read by one thread only (the
 * session's reader); {@link #send} may be called from any thread and writes whole frames.
 */
final class Connection implements Closeable {

    /** The largest frame accepted from a server: a 1 MiB znode's data plus ZooKeeper's slack. */
    static final int MAX_FRAME_BYTES = JuteInput.DEFAULT_MAX_FIELD_BYTES;

    private final HostPort server;
    private final Socket socket;
    private final OutputStream out;
    private final FrameReader frames;
    private final ConnectResponse response;
    private volatile long lastSendNanos;
    private volatile long lastReceiveNanos;

    private Connection(HostPort server, Socket socket, FrameReader frames, ConnectResponse response) throws IOException {
        this.server = server;
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.frames = frames;
        this.response = response;
        this.lastSendNanos = System.nanoTime();
        this.lastReceiveNanos = lastSendNanos;
    }

    /**
     * Connects to {@code server} and does the handshake, all within {@code timeoutMs}.
     *
     * @throws IOException if the server cannot be reached, does not answer in time, or answers
     *     with something that is no ConnectResponse
     */
    static Connection open(HostPort server, ConnectRequest request, int timeoutMs) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(server.host(), server.port()), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(frame(request));
            out.flush();
            FrameReader frames = new FrameReader(socket.getInputStream(), MAX_FRAME_BYTES);
            ByteBuffer frame = frames.next()
                    .orElseThrow(() -> new SocketTimeoutException("no answer to the handshake in " + timeoutMs + " ms"));
            ConnectResponse response = ConnectResponse.read(new JuteInput(frame, MAX_FRAME_BYTES));
            return new Connection(server, socket, frames, response);
        } catch (IOException | RuntimeException e) {
            socket.close();
            if (e instanceof JuteException) {
                throw new IOException("not a ZooKeeper server: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    HostPort server() {
        return server;
    }

    ConnectResponse response() {
        return response;
    }

    /** How long a read waits before {@link #poll} returns empty: the reader thread's tick. */
    void setTickMs(int tickMs) throws IOException {
        socket.setSoTimeout(tickMs);
    }

    /** The next frame from the server, or empty after one tick without a whole frame. */
    Optional<ByteBuffer> poll() throws IOException {
        Optional<ByteBuffer> frame = frames.next();
        if (frame.isPresent()) {
            lastReceiveNanos = System.nanoTime();
        }
        return frame;
    }

    /** Sends {@code header} and {@code body} (null for none) as one frame. */
    synchronized void send(RequestHeader header, JuteRecord body) throws IOException {
        JuteOutput frame = new JuteOutput();
        int length = frame.reserveInt();
        header.write(frame);
        if (body != null) {
            body.write(frame);
        }
        frame.patchInt(length, frame.size() - 4);
        frame.flushTo(out);
        out.flush();
        lastSendNanos = System.nanoTime();
    }

    long lastSendNanos() {
        return lastSendNanos;
    }

    long lastReceiveNanos() {
        return lastReceiveNanos;
    }

    /** Closes the socket, which also ends a read blocked in {@link #poll}. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing is left to tell the server: the connection is given up either way.
        }
    }

    private static byte[] frame(JuteRecord record) {
        JuteOutput frame = new JuteOutput();
        int length = frame.reserveInt();
        record.write(frame);
        frame.patchInt(length, frame.size() - 4);
        return frame.toByteArray();
    }

    @Override
    public String toString() {
        return server.toString();
    }
}
