package org.zkplatform.dist.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the built distribution's scripts as an operator would, from a test, with logs and pid files
 * in a directory of the test's own; every run is bounded in time.
 */
public final class Dist {

    private static final java.util.regex.Pattern STARTED = java.util.regex.Pattern.compile("process (\\d+)");

    private final Path home;
    private final Path logDir;

    public Dist(Path home, Path logDir) {
        this.home = home;
        this.logDir = logDir;
    }

    /** The distribution built by this module's package phase. */
    public static Path builtDir() {
        return Path.of(System.getProperty("zkplatform.dist.dir", "target/zkplatform"));
    }

    /** A private copy of the built distribution, so a test may add plugins without affecting others. */
    static Path copyOf(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    public Path home() {
        return home;
    }

    /** The outcome of a script run. */
    public record Result(int exitCode, String output) {
        List<String> errorLines() {
            return output.lines().filter(line -> line.contains(" ERROR ")).toList();
        }
    }

    /** Runs {@code bin/zk-server <args>} and waits for it, at most {@code timeoutSeconds}. */
    public Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/zk-server").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("ZK_LOG_DIR", logDir.toString());
        env.put("ZK_PID_DIR", logDir.toString());
        env.remove("JAVA_OPTS");
        Path output = Files.createTempFile(logDir, "run", ".txt");
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("zk-server " + String.join(" ", args) + " did not finish in " + timeoutSeconds
                    + "s; output:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** {@code zk-server start <config>}, which returns once the server serves; returns its pid. */
    public long start(Path config) throws IOException, InterruptedException {
        Result started = run(90, "start", config.toString());
        if (started.exitCode() != 0) {
            List<String> log = logs().lines().toList();
            throw new AssertionError("zk-server start failed:\n" + started.output() + "\nlog tail:\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size())));
        }
        java.util.regex.Matcher pid = STARTED.matcher(started.output());
        if (!pid.find()) {
            throw new AssertionError("zk-server start printed no pid:\n" + started.output());
        }
        return Long.parseLong(pid.group(1));
    }

    /** {@code zk-server stop <config>}: SIGTERM, then wait for the orderly shutdown. */
    public void stop(Path config) throws IOException, InterruptedException {
        Result stopped = run(60, "stop", config.toString());
        if (stopped.exitCode() != 0) {
            throw new AssertionError("zk-server stop failed:\n" + stopped.output());
        }
    }

    /** Every log file the scripts wrote, concatenated; they only grow, so a length marks a point in them. */
    public String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    public static int freePort() {
        // Below Linux's ephemeral range (32768 and up): a port the kernel hands out as the source
        // port of some outgoing connection between our check and the server's bind would make the
        // server fail with "port in use". Each port is handed out once per test JVM.
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIRST_PORT + RANDOM.nextInt(LAST_PORT - FIRST_PORT);
            if (HANDED_OUT.add(port) && bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int FIRST_PORT = 20_000;
    private static final int LAST_PORT = 32_000;
    private static final java.util.Random RANDOM = new java.util.Random();
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes a HOCON config listening on 127.0.0.1:{@code port}, plus {@code extra} lines. */
    static Path config(Path dir, int port, String... extra) throws IOException {
        String text = "zk.client { address = \"127.0.0.1\", port = " + port + " }\n"
                + "zk.admin.enabled = false\n"
                + "zk.storage.data-dir = \"" + dir.resolve("data") + "\"\n"
                + String.join("\n", extra) + "\n";
        return Files.writeString(dir.resolve("zk-" + port + ".conf"), text);
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
