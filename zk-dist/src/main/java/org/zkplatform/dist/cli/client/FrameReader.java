package org.zkplatform.dist.cli.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Splits a server's byte stream into frames ({@code int length}, then that many bytes), keeping
 * a frame read in part across the socket's read timeouts. The reader thread uses those timeouts
 * as its clock for pings, so a timeout in the middle of a frame must lose nothing.
 */
final class FrameReader {

    private final InputStream in;
    private final int maxFrameBytes;
    private final byte[] length = new byte[4];
    private int lengthRead;
    private byte[] body;
    private int bodyRead;

    FrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next whole frame, or empty if the socket's read timeout passed first.
     *
     * @throws EOFException when the server closed the connection
     * @throws IOException on a broken connection or a length out of bounds
     */
    Optional<ByteBuffer> next() throws IOException {
        try {
            while (body == null) {
                lengthRead += read(length, lengthRead, 4 - lengthRead);
                if (lengthRead == 4) {
                    int bytes = ByteBuffer.wrap(length).getInt();
                    if (bytes < 0 || bytes > maxFrameBytes) {
                        throw new IOException("frame length " + bytes + " is outside 0.." + maxFrameBytes);
                    }
                    body = new byte[bytes];
                    bodyRead = 0;
                }
            }
            while (bodyRead < body.length) {
                bodyRead += read(body, bodyRead, body.length - bodyRead);
            }
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        ByteBuffer frame = ByteBuffer.wrap(body);
        body = null;
        lengthRead = 0;
        return Optional.of(frame);
    }

    private int read(byte[] into, int offset, int bytes) throws IOException {
        int n = in.read(into, offset, bytes);
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        return n;
    }
}
