package org.zkplatform.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/**
 * A third-party plugin, compiled at test time against the zk-api jar alone and packed as a jar:
 * proof that a plugin needs nothing but the SPI.
 */
final class TestPlugin {

    private TestPlugin() {
    }

    /**
     * Builds {@code jar} in a scratch folder {@code work}: a transport named {@code transportName}
     * that greets every connection with a line, and an election provider for algorithm 42.
     */
    static Path build(Path work, Path jar, String transportName) throws IOException {
        Path dir = Files.createDirectories(work.resolve("build-" + jar.getFileName()));
        String jarName = "plugin";
        Path src = Files.createDirectories(dir.resolve("src-" + jarName));
        Path pkg = Files.createDirectories(src.resolve("example/plugin"));
        Files.writeString(src.resolve("module-info.java"), """
                module example.plugin {
                    requires org.zkplatform.api;
                    provides org.zkplatform.api.transport.TransportProvider with example.plugin.GreetingTransportProvider;
                    provides org.zkplatform.api.election.ElectionProvider with example.plugin.FortyTwoElectionProvider;
                }
                """);
        Files.writeString(pkg.resolve("GreetingTransportProvider.java"), """
                package example.plugin;

                import java.io.IOException;
                import java.io.UncheckedIOException;
                import java.net.InetSocketAddress;
                import java.net.ServerSocket;
                import java.net.Socket;
                import java.nio.charset.StandardCharsets;
                import java.time.Duration;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.CompletionStage;
                import org.zkplatform.api.Settings;
                import org.zkplatform.api.transport.*;

                public final class GreetingTransportProvider implements TransportProvider {
                    public String name() { return "%s"; }

                    public Transport create(Settings settings, TransportContext context) {
                        return new Transport() {
                            public String name() { return "%s"; }

                            public Listener listen(InetSocketAddress address, ConnectionHandler handler) throws TransportException {
                                try {
                                    ServerSocket server = new ServerSocket(address.getPort(), 50, address.getAddress());
                                    Thread acceptor = new Thread(() -> {
                                        while (!server.isClosed()) {
                                            try (Socket socket = server.accept()) {
                                                socket.getOutputStream().write("hello from the plugin\\n".getBytes(StandardCharsets.UTF_8));
                                            } catch (IOException closed) {
                                                return;
                                            }
                                        }
                                    }, "greeting-acceptor");
                                    acceptor.setDaemon(true);
                                    acceptor.start();
                                    System.out.println("greeting transport listening on " + server.getLocalSocketAddress());
                                    return new Listener() {
                                        public InetSocketAddress localAddress() { return (InetSocketAddress) server.getLocalSocketAddress(); }
                                        public void close() {
                                            try { server.close(); } catch (IOException e) { throw new UncheckedIOException(e); }
                                        }
                                    };
                                } catch (IOException e) {
                                    throw new TransportException("cannot listen on " + address + ": " + e.getMessage(), e);
                                }
                            }

                            public CompletionStage<Connection> connect(InetSocketAddress address, Duration timeout, ConnectionHandler handler) {
                                return CompletableFuture.failedFuture(new TransportException("the greeting transport only listens"));
                            }

                            public void close() { }
                        };
                    }
                }
                """.formatted(transportName, transportName));
        Files.writeString(pkg.resolve("FortyTwoElectionProvider.java"), """
                package example.plugin;

                import org.zkplatform.api.Settings;
                import org.zkplatform.api.election.*;

                public final class FortyTwoElectionProvider implements ElectionProvider {
                    public int algorithm() { return 42; }
                    public Election create(Settings settings, ElectionContext context) {
                        throw new UnsupportedOperationException("a test plugin that is never chosen");
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes-" + jarName));
        compile(src, classes);
        run(java.util.spi.ToolProvider.findFirst("jar").orElseThrow(),
                "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
        return jar;
    }

    private static void compile(Path src, Path classes) throws IOException {
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "--module-path", System.getProperty("zkplatform.api.jar")));
        try (var files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        run(java.util.spi.ToolProvider.findFirst("javac").orElseThrow(), args.toArray(String[]::new));
    }

    private static void run(java.util.spi.ToolProvider tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, tool.run(print, print, args), out.toString(StandardCharsets.UTF_8));
    }
}
