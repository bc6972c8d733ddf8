package org.zkplatform.dist.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two servers compared, each started as its own process with the same JVM options and the
 * same zoo.cfg, apart from the keys only Apache understands.
 */
enum ServerKind {

    /**
     * Apache ZooKeeper from the test class path, its own main class, with a logback configuration
     * that adds its recovery lines (snapshot and txns loaded) to the test class path's WARN level,
     * and in an ensemble the line saying how long each leader election took.
     */
    APACHE("apache") {
        @Override
        List<String> ownConfig() {
            return List.of("admin.enableServer=false");
        }

        @Override
        ProcessBuilder command(BenchOptions options, Path zooCfg, Path dir) throws IOException {
            Path logback = Files.writeString(dir.resolve("logback.xml"), APACHE_LOGBACK);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions(options));
            command.add("-Dlogback.configurationFile=" + logback);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            // QuorumPeerMain reads server.N lines and myid; ZooKeeperServerMain is the standalone server.
            command.add(options.ensemble() > 1 ? "org.apache.zookeeper.server.quorum.QuorumPeerMain"
                    : "org.apache.zookeeper.server.ZooKeeperServerMain");
            command.add(zooCfg.toString());
            return new ProcessBuilder(command);
        }
    },

    /** Our packaged distribution, through {@code bin/zk-server start-foreground} (which execs java). */
    ZKPLATFORM("zkplatform") {
        @Override
        List<String> ownConfig() {
            return List.of();
        }

        @Override
        ProcessBuilder command(BenchOptions options, Path zooCfg, Path dir) {
            ProcessBuilder builder = new ProcessBuilder(options.dist().resolve("bin/zk-server").toString(),
                    "start-foreground", zooCfg.toString());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JAVA_OPTS", String.join(" ", jvmOptions(options)));
            env.put("ZK_LOG_DIR", dir.resolve("logs").toString());
            env.put("ZK_PID_DIR", dir.resolve("run").toString());
            return builder;
        }
    };

    private static final String APACHE_LOGBACK = """
            <configuration>
              <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                <target>System.err</target>
                <encoder>
                  <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
                </encoder>
              </appender>
              <logger name="org.apache.zookeeper.server.persistence.FileSnap" level="INFO"/>
              <logger name="org.apache.zookeeper.server.persistence.FileTxnSnapLog" level="INFO"/>
              <logger name="org.apache.zookeeper.server.ZKDatabase" level="INFO"/>
              <logger name="org.apache.zookeeper.server.quorum.Leader" level="INFO"/>
              <logger name="org.apache.zookeeper.server.quorum.Follower" level="INFO"/>
              <root level="WARN">
                <appender-ref ref="STDERR"/>
              </root>
            </configuration>
            """;

    private final String label;

    ServerKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** zoo.cfg keys for this server only. */
    abstract List<String> ownConfig();

    /** The command starting this server on {@code zooCfg}; {@code dir} holds its config and output. */
    abstract ProcessBuilder command(BenchOptions options, Path zooCfg, Path dir) throws IOException;

    /** The zoo.cfg lines for a server on 127.0.0.1:{@code port} keeping its files in {@code dataDir}. */
    List<String> zooCfg(BenchOptions options, int port, Path dataDir) {
        List<String> lines = new ArrayList<>(List.of(
                "tickTime=" + options.tickTimeMillis(),
                "clientPortAddress=127.0.0.1",
                "clientPort=" + port,
                "dataDir=" + dataDir,
                "maxClientCnxns=0",
                "4lw.commands.whitelist=*",
                // Both servers open an admin endpoint on 8080 by default; the bench needs neither.
                "admin.enableServer=false",
                // Our importer maps it to zk.storage.file.fsync; StorageFacts checks what our server made of it.
                "forceSync=" + (options.fsync() ? "yes" : "no")));
        lines.addAll(ownConfig());
        return lines;
    }

    /** Identical for both; bin/zk-server adds -XX:+ExitOnOutOfMemoryError itself, so Apache gets it too. */
    static List<String> jvmOptions(BenchOptions options) {
        List<String> jvm = new ArrayList<>(options.serverJvmOptions());
        jvm.add("-XX:+ExitOnOutOfMemoryError");
        return jvm;
    }
}
