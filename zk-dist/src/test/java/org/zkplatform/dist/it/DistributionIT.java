package org.zkplatform.dist.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball as an operator gets it: unpack, start, check, stop. */
class DistributionIT {

    private static final List<String> OUR_MODULES = List.of("org.zkplatform.api", "org.zkplatform.transport.plain",
            "org.zkplatform.transport.tls", "org.zkplatform.election.fle", "org.zkplatform.storage",
            "org.zkplatform.zab", "org.zkplatform.dist");

    @TempDir
    Path dir;

    private Path unpackTarball() throws Exception {
        Path tarball = Path.of(System.getProperty("zkplatform.dist.tarball"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0, new String(tar.getInputStream().readAllBytes()));
        try (Stream<Path> top = Files.list(dir)) {
            return top.filter(p -> p.getFileName().toString().startsWith("zkplatform-")).findFirst().orElseThrow();
        }
    }

    @Test
    void theTarballHoldsTheDocumentedLayout() throws Exception {
        Path home = unpackTarball();

        assertTrue(Files.isExecutable(home.resolve("bin/zk-server")));
        assertTrue(Files.isExecutable(home.resolve("bin/zk-cli")));
        assertTrue(Files.isRegularFile(home.resolve("conf/logback-cli.xml")));
        assertTrue(Files.isRegularFile(home.resolve("conf/zk.conf")));
        assertTrue(Files.isRegularFile(home.resolve("conf/logback.xml")));
        assertTrue(Files.isRegularFile(home.resolve("README")));
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            assertEquals(0, plugins.count(), "plugins/ ships empty");
        }
    }

    @Test
    void everyModuleOfOursIsAnExplicitModule() throws Exception {
        Path home = unpackTarball();
        Map<String, ModuleDescriptor> ours = new TreeMap<>();
        ModuleFinder.of(home.resolve("lib")).findAll().stream()
                .map(reference -> reference.descriptor())
                .filter(descriptor -> descriptor.name().startsWith("org.zkplatform."))
                .forEach(descriptor -> ours.put(descriptor.name(), descriptor));

        assertEquals(OUR_MODULES.stream().sorted().toList(), List.copyOf(ours.keySet()));
        List<String> automatic = ours.values().stream().filter(ModuleDescriptor::isAutomatic)
                .map(ModuleDescriptor::name).collect(Collectors.toList());
        assertEquals(List.of(), automatic, "automatic modules");
    }

    @Test
    void startsFromTheTarballReportsStatusAndStopsByPid() throws Exception {
        Dist dist = new Dist(unpackTarball(), Files.createDirectories(dir.resolve("logs")));
        int port = Dist.freePort();
        Path config = Dist.config(dir, port);

        Dist.Result started = dist.run(90, "start", config.toString());
        assertEquals(0, started.exitCode(), started.output());
        long pid = Long.parseLong(started.output().replaceAll("(?s).*process (\\d+).*", "$1"));
        try {
            assertTrue(Dist.accepts(port), "nothing listens on " + port);
            Dist.Result status = dist.run(30, "status", config.toString());
            assertEquals(0, status.exitCode(), status.output());
            assertEquals("zk-server: running as process " + pid, status.output().strip());
            assertEquals(0, dist.run(30, "start", config.toString()).exitCode(), "a second start is harmless");

            Dist.Result stopped = dist.run(60, "stop", config.toString());
            assertEquals(0, stopped.exitCode(), stopped.output());
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            assertFalse(Dist.accepts(port), "the port is still open after stop");
            Dist.Result after = dist.run(30, "status", config.toString());
            assertEquals(3, after.exitCode(), after.output());
            assertTrue(dist.logs().contains("Shut down"), "an orderly shutdown is logged");
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void startsFromAnApacheZooKeeperZooCfg() throws Exception {
        Dist dist = new Dist(Dist.builtDir(), Files.createDirectories(dir.resolve("logs")));
        int port = Dist.freePort();
        Path zooCfg = Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                "tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=" + dir.resolve("zkdata"),
                "clientPort=" + port, "clientPortAddress=127.0.0.1", "autopurge.purgeInterval=1",
                "admin.enableServer=false", ""));

        Dist.Result started = dist.run(90, "start", zooCfg.toString());
        assertEquals(0, started.exitCode(), started.output());
        try {
            assertTrue(Dist.accepts(port));
            assertTrue(dist.logs().contains("\"tick-time\":\"2000ms\""), "tickTime was not carried over");
        } finally {
            assertEquals(0, dist.run(60, "stop", zooCfg.toString()).exitCode());
        }
    }

    @Test
    void importsAZooCfgIntoAZkConfTheServerStartsFrom() throws Exception {
        Dist dist = new Dist(Dist.builtDir(), Files.createDirectories(dir.resolve("logs")));
        int port = Dist.freePort();
        Path zooCfg = Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                "tickTime=1500", "dataDir=" + dir.resolve("zkdata"), "clientPort=" + port,
                "clientPortAddress=127.0.0.1", "metricsProvider.className=org.example.Nothing", ""));
        Path zkConf = dir.resolve("zk.conf");

        Dist.Result imported = dist.run(60, "import-zoo-cfg", zooCfg.toString(), zkConf.toString());
        assertEquals(0, imported.exitCode(), imported.output());
        assertTrue(imported.output().contains("left out, without a zkplatform equivalent: metricsProvider.className"),
                imported.output());

        Dist.Result started = dist.run(90, "start", zkConf.toString());
        assertEquals(0, started.exitCode(), started.output());
        try {
            assertTrue(Dist.accepts(port));
            assertTrue(dist.logs().contains("\"tick-time\":\"1500ms\""), "tickTime was not carried over");
        } finally {
            assertEquals(0, dist.run(60, "stop", zkConf.toString()).exitCode());
        }
    }
}
