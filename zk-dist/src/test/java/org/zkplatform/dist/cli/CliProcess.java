package org.zkplatform.dist.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooKeeperMain;

/**
 * Runs the built distribution's {@code bin/zk-cli}, or Apache's zkCli ({@link ZooKeeperMain})
 * for comparison, as separate processes with stdin given and stdout and stderr kept apart;
 * every run is bounded in time.
 */
final class CliProcess {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path home;
    private final Path workDir;

    CliProcess(Path home, Path workDir) {
        this.home = home;
        this.workDir = workDir;
    }

    /** How a run ended. */
    record Result(int exitCode, String out, String err) {

        List<String> lines() {
            return out.lines().toList();
        }

        List<String> errorLines() {
            return err.lines().toList();
        }

        String show() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code bin/zk-cli <args>} with {@code stdin} as its input (no terminal). */
    Result zkCli(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/zk-cli").toString());
        command.addAll(List.of(args));
        return run(command, stdin);
    }

    /** Apache ZooKeeper 3.9.5's zkCli with the same arguments, in a JVM of its own (it ends with System.exit). */
    Result apacheZkCli(String stdin, String... args) throws IOException, InterruptedException {
        Path logging = Files.writeString(workDir.resolve("logback-off.xml"), "<configuration><root level=\"OFF\"/></configuration>");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + logging,
                "-cp", System.getProperty("java.class.path"),
                ZooKeeperMain.class.getName()));
        command.addAll(List.of(args));
        return run(command, stdin);
    }

    private Result run(List<String> command, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "cli", ".out");
        Path err = Files.createTempFile(workDir, "cli", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("ZK_CLI_HISTORY", "");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + "s; stdout:\n"
                    + Files.readString(out));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
