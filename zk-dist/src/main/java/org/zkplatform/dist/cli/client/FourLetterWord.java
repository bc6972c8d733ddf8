package org.zkplatform.dist.cli.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Asks a server one of ZooKeeper's four-letter words ({@code srvr}, {@code mntr}, {@code ruok}...)
 * on a connection of its own, and reads the answer until the server closes it.
 */
public final class FourLetterWord {

    /**
     * The words ZooKeeper 3.9 answers. {@code stat} is left out: in the shell it is the znode
     * command, and {@code srvr} says the same minus the connection list.
     */
    public static final Set<String> WORDS = Set.of("conf", "cons", "crst", "dirs", "dump", "envi", "gtmk", "isro",
            "mntr", "ruok", "srst", "srvr", "wchc", "wchp", "wchs");

    /** An answer longer than this is cut: a runaway server must not fill the client's memory. */
    private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private FourLetterWord() {
    }

    /**
     * Sends {@code word} and returns the whole answer.
     *
     * @throws IOException if the server cannot be reached or does not finish within {@code timeoutMs}
     */
    public static String ask(HostPort server, String word, int timeoutMs) throws IOException {
        if (word.length() != 4) {
            throw new IllegalArgumentException("not a four-letter word: " + word);
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0 && answer.size() < MAX_ANSWER_BYTES) {
                answer.write(buffer, 0, n);
                if (System.nanoTime() > deadline) {
                    throw new SocketTimeoutException("the answer did not end within " + timeoutMs + " ms");
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
