package org.zkplatform.dist.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built distribution's {@code bin/} scripts as separate processes, as an operator
 * would, keeping stdout and stderr apart (zk-tool reports on one and complains on the other).
 */
final class DistScripts {

    private final Path home;
    private final Path workDir;

    /** @param workDir where the scripts' logs, pid files and captured output go */
    DistScripts(Path home, Path workDir) {
        this.home = home;
        this.workDir = workDir;
    }

    /** The distribution the {@code package} phase unpacked (failsafe passes its place). */
    static Path builtDir() {
        return Path.of(System.getProperty("zkplatform.dist.dir", "target/zkplatform"));
    }

    /** How a run ended. */
    record Result(int exitCode, String out, String err) {

        List<String> lines() {
            return out.lines().toList();
        }

        /** For assertion messages. */
        String show() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    Result tool(String... args) throws IOException, InterruptedException {
        return run("zk-tool", 60, args);
    }

    Result server(String... args) throws IOException, InterruptedException {
        return run("zk-server", 90, args);
    }

    private Result run(String script, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, script, ".out");
        Path err = Files.createTempFile(workDir, script, ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("ZK_LOG_DIR", workDir.toString());
        builder.environment().put("ZK_PID_DIR", workDir.toString());
        builder.environment().remove("JAVA_OPTS");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(script + " " + String.join(" ", args) + " did not finish in " + timeoutSeconds + "s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
