package org.zkplatform.dist.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run in a pseudo-terminal by util-linux's {@code script}, so that it sees a terminal
 * as a person's shell would give it: what is sent goes in as typed keys, and everything it
 * writes, escape sequences included, is collected as the screen's raw stream.
 */
final class PseudoTerminal implements AutoCloseable {

    static final Path SCRIPT = Path.of("/usr/bin/script");

    private final Process process;
    private final OutputStream keys;
    private final StringBuffer screen = new StringBuffer();

    /** Starts {@code command} (a shell command line) in a terminal of 200 columns. */
    PseudoTerminal(String command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(SCRIPT.toString(), "-q", "-e", "-c",
                "stty cols 200 rows 50; " + command, "/dev/null")).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("TERM", "xterm");
        builder.environment().putAll(env);
        process = builder.start();
        keys = process.getOutputStream();
        Thread reader = new Thread(() -> collect(process.getInputStream()), "pty-screen");
        reader.setDaemon(true);
        reader.start();
    }

    static boolean available() {
        return Files.isExecutable(SCRIPT);
    }

    /** Types {@code text}; a line is ended with {@code \r}, the Enter key. */
    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until the screen shows {@code text} after position {@code from}; returns where it ends. */
    int await(String text, int from, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            int at = screen.indexOf(text, from);
            if (at >= 0) {
                return at + text.length();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the terminal did not show '" + text + "' within " + seconds + " s; screen:\n" + screen);
    }

    /** Waits for the command to end; its exit code. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the terminal's command did not end within " + seconds + " s; screen:\n" + screen);
        }
        return process.exitValue();
    }

    String screen() {
        return screen.toString();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void collect(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The process ended.
        }
    }
}
