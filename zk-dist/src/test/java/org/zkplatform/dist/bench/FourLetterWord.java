package org.zkplatform.dist.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends a four-letter word on a raw socket, the way operators probe a ZooKeeper server. */
final class FourLetterWord {

    private static final int TIMEOUT_MILLIS = 2000;
    private static final int MAX_REPLY_BYTES = 64 * 1024;

    private FourLetterWord() {}

    /** The server's whole reply (it closes the connection after answering), at most 64 KB. */
    static String send(int port, String word) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            while (reply.size() < MAX_REPLY_BYTES && (read = in.read(buffer)) != -1) {
                reply.write(buffer, 0, read);
            }
            return reply.toString(StandardCharsets.US_ASCII);
        }
    }
}
