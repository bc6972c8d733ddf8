package org.zkplatform.dist.ensemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Apache ZooKeeper 3.9.5's ensemble server ({@code QuorumPeerMain}, from the test class path) as a
 * separate process on a zoo.cfg of the test's. Its output goes to a file that grows across the
 * member's lives, with the quorum and persistence classes at INFO: that is where it says how it
 * synced with its leader and why it left one.
 */
final class ApachePeer {

    private static final String LOGBACK = """
            <configuration>
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder>
                  <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
                </encoder>
              </appender>
              <logger name="org.apache.zookeeper.server.quorum" level="INFO"/>
              <logger name="org.apache.zookeeper.server.persistence" level="INFO"/>
              <logger name="org.apache.zookeeper.server.ZKDatabase" level="INFO"/>
              <root level="WARN">
                <appender-ref ref="STDOUT"/>
              </root>
            </configuration>
            """;

    private ApachePeer() {
    }

    /**
     * Starts QuorumPeerMain on {@code zooCfg} without waiting (it serves only once it has a
     * leader); returns its pid. Output is appended to {@code output}.
     */
    static long start(Path zooCfg, Path output) throws IOException {
        Path logback = output.resolveSibling("apache-logback.xml");
        if (!Files.exists(logback)) {
            Files.writeString(logback, LOGBACK);
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                // The admin HTTP server would take port 8080, which the next member could not have.
                "-Dzookeeper.admin.enableServer=false",
                "-Dlogback.configurationFile=" + logback,
                "-cp", System.getProperty("java.class.path"),
                "org.apache.zookeeper.server.quorum.QuorumPeerMain",
                zooCfg.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        return process.pid();
    }
}
