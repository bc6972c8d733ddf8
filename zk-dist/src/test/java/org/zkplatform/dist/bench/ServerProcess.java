package org.zkplatform.dist.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server under test as a separate process: written config, free port, started, ready once it
 * answers {@code ruok} with {@code imok} and {@code srvr} with its state, stopped by its process id. Its output goes to a file
 * kept after the run; its data dir goes when it is closed.
 */
final class ServerProcess implements AutoCloseable {

    private static final long START_LIMIT_SECONDS = 60;
    private static final long STOP_LIMIT_SECONDS = 15;
    /** Readiness poll interval: short, since the footprint scenario times restarts by it. */
    private static final long POLL_MILLIS = 20;

    private final ServerKind kind;
    private final Process process;
    private final int port;
    /** The secure client port, 0 without TLS. */
    private final int securePort;
    private final Path output;
    private final List<String> zooCfg;
    private final Path dataDir;
    private final Thread killOnExit;
    private final long startedNanos;
    private long readyNanos;

    private ServerProcess(ServerKind kind, Process process, long startedNanos, int port, int securePort, Path output,
            List<String> zooCfg, Path dataDir) {
        this.kind = kind;
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
        this.securePort = securePort;
        this.output = output;
        this.zooCfg = zooCfg;
        this.dataDir = dataDir;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-" + kind.label());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts {@code kind} on fresh data under {@code options.workDir()/<label>} and waits until it is ready. */
    static ServerProcess start(ServerKind kind, BenchOptions options) throws BenchException, InterruptedException {
        return start(kind, options, Optional.empty());
    }

    /** As {@link #start(ServerKind, BenchOptions)}, with a secure client port too when {@code tls} is present. */
    static ServerProcess start(ServerKind kind, BenchOptions options, Optional<TlsSetup> tls)
            throws BenchException, InterruptedException {
        Path dir = options.workDir().resolve(kind.label());
        Path dataDir = dir.resolve("data");
        try {
            DataDirs.delete(dir);
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new BenchException(kind.label() + " did not start: " + e);
        }
        return launch(kind, options, dataDir, dir.resolve("zoo.cfg"), dir.resolve("server.out"), tls);
    }

    /**
     * Starts {@code kind} on the data already in {@code dataDir}, with config and output named
     * {@code name}.cfg and {@code name}.out next to those of its first start, and waits until it is ready.
     */
    static ServerProcess startOn(ServerKind kind, BenchOptions options, Path dataDir, String name)
            throws BenchException, InterruptedException {
        Path dir = options.workDir().resolve(kind.label());
        return launch(kind, options, dataDir, dir.resolve(name + ".cfg"), dir.resolve(name + ".out"), Optional.empty());
    }

    private static ServerProcess launch(ServerKind kind, BenchOptions options, Path dataDir, Path cfgFile, Path output,
            Optional<TlsSetup> tls) throws BenchException, InterruptedException {
        int port = freePort();
        int securePort = tls.isPresent() ? freePort() : 0;
        List<String> zooCfg = new ArrayList<>(kind.zooCfg(options, port, dataDir));
        if (tls.isPresent()) {
            zooCfg.addAll(tls.get().zooCfg(securePort));
        }
        ServerProcess server = spawn(kind, options, zooCfg, cfgFile, output, false, port, securePort, dataDir);
        server.awaitReady();
        return server;
    }

    /**
     * Writes {@code zooCfg} to {@code cfgFile} and starts {@code kind} on it, serving
     * 127.0.0.1:{@code port}, without waiting until it serves: an ensemble member serves only once
     * a quorum of its peers runs, so {@link ServerEnsemble} starts them all, then waits. With
     * {@code appendOutput} the output goes after that of the member's earlier lives.
     */
    static ServerProcess spawn(ServerKind kind, BenchOptions options, List<String> zooCfg, Path cfgFile, Path output,
            boolean appendOutput, int port, Path dataDir) throws BenchException {
        return spawn(kind, options, zooCfg, cfgFile, output, appendOutput, port, 0, dataDir);
    }

    private static ServerProcess spawn(ServerKind kind, BenchOptions options, List<String> zooCfg, Path cfgFile,
            Path output, boolean appendOutput, int port, int securePort, Path dataDir) throws BenchException {
        try {
            Files.write(cfgFile, zooCfg, StandardCharsets.UTF_8);
            ProcessBuilder builder = kind.command(options, cfgFile, cfgFile.getParent()).redirectErrorStream(true)
                    .redirectOutput(appendOutput ? ProcessBuilder.Redirect.appendTo(output.toFile())
                            : ProcessBuilder.Redirect.to(output.toFile()));
            long startedNanos = System.nanoTime();
            return new ServerProcess(kind, builder.start(), startedNanos, port, securePort, output, zooCfg, dataDir);
        } catch (IOException e) {
            throw new BenchException(kind.label() + " did not start: " + e);
        }
    }

    private void awaitReady() throws BenchException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " while starting");
            }
            try {
                // Apache answers imok even when its server failed to start; srvr tells.
                if (FourLetterWord.send(port, "ruok").equals("imok")
                        && !FourLetterWord.send(port, "srvr").contains("not currently serving")) {
                    readyNanos = System.nanoTime();
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw failure("was not serving within " + START_LIMIT_SECONDS + "s");
    }

    /** Stops the server and describes {@code what} went wrong with the end of its output. */
    BenchException failure(String what) {
        close();
        return new BenchException(kind.label() + ": " + what + "; last lines of " + output + ":\n  "
                + String.join("\n  ", lastLines(30)));
    }

    ServerKind kind() {
        return kind;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    int securePort() {
        return securePort;
    }

    /** Milliseconds from starting the process until it answered {@code ruok} and {@code srvr} as ready. */
    long readyMillis() {
        return TimeUnit.NANOSECONDS.toMillis(readyNanos - startedNanos);
    }

    /** Milliseconds from starting the process until now. */
    long millisSinceStart() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    Path dataDir() {
        return dataDir;
    }

    List<String> zooCfg() {
        return zooCfg;
    }

    Path output() {
        return output;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The peak resident set size so far (VmHWM), in kB; -1 where /proc is not available. */
    long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** The last {@code count} lines of the server's output. */
    List<String> lastLines(int count) {
        List<String> lines = outputLines();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    /** The first {@code count} lines of the server's output that report a warning, an error or an exception. */
    List<String> problemLines(int count) {
        return outputLines().stream().filter(line -> line.matches(".*\\b(WARN|ERROR|FATAL|Exception)\\b.*"))
                .limit(count).toList();
    }

    /** The first line of the server's output containing {@code text}, if any. */
    Optional<String> firstLineWith(String text) {
        return outputLines().stream().filter(line -> line.contains(text)).findFirst();
    }

    private List<String> outputLines() {
        try {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("(cannot read " + output + ": " + e + ")");
        }
    }

    /**
     * SIGTERM, then SIGKILL if it has not exited after 15 s; the data dir stays. Returns whether
     * SIGTERM alone stopped it, as a clean stop should.
     */
    boolean stop() {
        process.destroy();
        try {
            if (process.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * {@code kill -9}: SIGKILL to its pid, no chance to close anything, then waits at most 15 s
     * for it to be gone. The data dir stays, for a restart on it. Returns whether it is gone.
     */
    boolean kill() throws InterruptedException {
        process.destroyForcibly();
        boolean gone = process.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (gone) {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
        return gone;
    }

    /** The exit code of a stopped server. */
    int exitCode() {
        return process.exitValue();
    }

    /** Stops the server (see {@link #stop()}), then its data goes (the output stays). */
    @Override
    public void close() {
        stop();
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        try {
            DataDirs.delete(dataDir);
        } catch (IOException e) {
            System.err.println("zkbench: cannot delete " + dataDir + ": " + e);
        }
    }

    static int freePort() throws BenchException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BenchException("no free port: " + e);
        }
    }
}
