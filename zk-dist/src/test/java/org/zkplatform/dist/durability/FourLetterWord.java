package org.zkplatform.dist.durability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a server's client port for {@code srvr}, to see it answers and where its zxid stands. */
final class FourLetterWord {

    private static final int TIMEOUT_MS = 10_000;
    private static final Pattern ZXID = Pattern.compile("(?m)^Zxid: 0x([0-9a-fA-F]+)$");

    private FourLetterWord() {
    }

    static String srvr(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("srvr on port " + port, e);
        }
    }

    /** The {@code Zxid:} line of a {@code srvr} answer. */
    static long zxid(String srvr) {
        Matcher m = ZXID.matcher(srvr);
        if (!m.find()) {
            throw new AssertionError("no Zxid line in the srvr answer:\n" + srvr);
        }
        return Long.parseUnsignedLong(m.group(1), 16);
    }
}
