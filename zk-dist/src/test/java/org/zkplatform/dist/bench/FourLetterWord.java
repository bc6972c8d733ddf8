package org.zkplatform.dist.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends a four-letter word on a raw socket, the way operators probe a ZooKeeper server. */
final class FourLetterWord {

    private static final int TIMEOUT_MILLIS = 2000;
    private static final int MAX_REPLY_BYTES = 64 * 1024;
    private static final Pattern MODE = Pattern.compile("(?m)^Mode: (\\w+)\\s*$");

    private FourLetterWord() {}

    /**
     * The {@code Mode:} line of {@code srvr} ({@code leader}, {@code follower}, {@code observer},
     * {@code standalone}); empty while the server does not serve (it then says so instead) or
     * does not answer.
     */
    static Optional<String> mode(int port) {
        try {
            Matcher mode = MODE.matcher(send(port, "srvr"));
            return mode.find() ? Optional.of(mode.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

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
