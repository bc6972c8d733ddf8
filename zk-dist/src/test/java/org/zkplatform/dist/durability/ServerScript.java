package org.zkplatform.dist.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built distribution's {@code bin/zk-server}, run as an operator would, with its logs and pid
 * files in a directory of the test's own; every run is bounded in time.
 */
final class ServerScript {

    private static final long START_SECONDS = 90;
    private static final long STOP_SECONDS = 60;
    private static final Pattern STARTED = Pattern.compile("process (\\d+)");

    private final Path home;
    private final Path logDir;

    ServerScript(Path home, Path logDir) {
        this.home = home;
        this.logDir = logDir;
    }

    /** The distribution the {@code package} phase unpacked (failsafe passes its place). */
    static Path builtDir() {
        return Path.of(System.getProperty("zkplatform.dist.dir", "target/zkplatform"));
    }

    /** What a run printed and how it exited. */
    record Result(int exitCode, String output) {
    }

    /** {@code zk-server start <config>}, which returns once the server serves; returns the server's pid. */
    long start(Path config) throws IOException, InterruptedException {
        Result started = run(START_SECONDS, "start", config.toString());
        assertEquals(0, started.exitCode(), "zk-server start failed:\n" + started.output() + "\nlog tail:\n" + logTail());
        Matcher pid = STARTED.matcher(started.output());
        if (!pid.find()) {
            throw new AssertionError("zk-server start printed no pid:\n" + started.output());
        }
        return Long.parseLong(pid.group(1));
    }

    /** {@code zk-server stop <config>}: SIGTERM and wait for the orderly shutdown. */
    void stop(Path config) throws IOException, InterruptedException {
        Result stopped = run(STOP_SECONDS, "stop", config.toString());
        assertEquals(0, stopped.exitCode(), "zk-server stop failed:\n" + stopped.output());
    }

    Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
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

    /** Every log file the server wrote, concatenated; it only grows, so a length marks a point in it. */
    String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private String logTail() throws IOException {
        List<String> lines = logs().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
