package org.zkplatform.dist.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkplatform.dist.config.ConfigLoader;

/** zk-tool import-zoo-cfg: the zk.conf it writes is read exactly as the zoo.cfg it came from. */
class ImportZooCfgTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ZkTool.run(args, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path ensembleZooCfg() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), "2\n");
        return Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                "tickTime=1500", "initLimit=7", "syncLimit=3", "dataDir=" + data, "clientPort=2182",
                "maxClientCnxns=10", "4lw.commands.whitelist=srvr,mntr", "autopurge.purgeInterval=2",
                "server.1=10.0.0.1:2888:3888", "server.2=10.0.0.2:2888:3888;2181",
                "server.3=10.0.0.3:2888:3888:observer", "metricsProvider.className=org.example.Metrics",
                "sslQuorum=false"));
    }

    @Test
    void theWrittenZkConfLoadsToTheSameSettingsAsTheZooCfg() throws Exception {
        Path zooCfg = ensembleZooCfg();
        Path zkConf = dir.resolve("zk.conf");

        assertEquals(0, run("import-zoo-cfg", zooCfg.toString(), zkConf.toString()), err.toString());

        Config fromZooCfg = ConfigLoader.load(getClass().getClassLoader(), Optional.of(zooCfg), new Properties());
        Config fromZkConf = ConfigLoader.load(getClass().getClassLoader(), Optional.of(zkConf), new Properties());
        assertEquals(fromZooCfg.root().render(ConfigRenderOptions.concise()), fromZkConf.root().render(ConfigRenderOptions.concise()));
        assertEquals(2, fromZkConf.getLong("zk.server.id"), "the myid file is carried over");
        String text = Files.readString(zkConf);
        assertTrue(text.contains("# Left out, without a zkplatform equivalent: metricsProvider.className"), text);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("wrote " + zkConf), out.toString());
    }

    @Test
    void printsToStdoutWithoutATarget() throws Exception {
        assertEquals(0, run("import-zoo-cfg", ensembleZooCfg().toString()));
        String hocon = out.toString(StandardCharsets.UTF_8);
        assertTrue(hocon.startsWith("# Translated from "), hocon);
        assertTrue(hocon.contains("tick-time"), hocon);
    }

    @Test
    void neverOverwritesAFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("zk.conf"), "keep me");
        assertEquals(2, run("import-zoo-cfg", ensembleZooCfg().toString(), existing.toString()));
        assertEquals("keep me", Files.readString(existing));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exists already; not overwritten"), err.toString());
    }

    @Test
    void aMissingZooCfgCannotBeRead() {
        assertEquals(3, run("import-zoo-cfg", dir.resolve("nope.cfg").toString()));
    }
}
