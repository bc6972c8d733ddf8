package org.zkplatform.dist.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short external command ({@code jcmd}, {@code du}) with a time limit. Its output goes
 * through a temporary file, so a command that hangs cannot block a read of its pipe.
 */
final class ExternalCommand {

    private ExternalCommand() {}

    /** The output of {@code command}, which must exit with 0 within {@code limitSeconds}. */
    static String run(long limitSeconds, String... command) throws BenchException, InterruptedException {
        String line = String.join(" ", command);
        Path output = null;
        try {
            output = Files.createTempFile("zkbench-command", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchException(line + " took over " + limitSeconds + "s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new BenchException(line + " exited with " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new BenchException("cannot run " + line + ": " + e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    System.err.println("zkbench: cannot delete " + output + ": " + e);
                }
            }
        }
    }
}
