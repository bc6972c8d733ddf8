package org.zkplatform.dist.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The machine and JVM a run measured on, so numbers from different runs are not compared blindly. */
final class MachineFacts {

    private MachineFacts() {}

    static List<String> describe(Path workDir) {
        return List.of(
                "cores: " + Runtime.getRuntime().availableProcessors() + ", cpu: "
                        + procLine("/proc/cpuinfo", "model name").orElse("unknown"),
                "memory: " + procLine("/proc/meminfo", "MemTotal").orElse("unknown"),
                "os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                "jvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + "), " + System.getProperty("java.home"),
                "work dir: " + workDir + " (" + fileStore(workDir) + ")");
    }

    /**
     * The 1, 5 and 15 minute load averages: the ensemble scenarios run several servers on the
     * machine, and anything else running shows here.
     */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average: " + fields[0] + " " + fields[1] + " " + fields[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "load average: unknown";
        }
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String fileStore(Path dir) {
        try {
            return Files.getFileStore(dir).type() + " on " + Files.getFileStore(dir).name();
        } catch (IOException e) {
            return "file system unknown";
        }
    }
}
