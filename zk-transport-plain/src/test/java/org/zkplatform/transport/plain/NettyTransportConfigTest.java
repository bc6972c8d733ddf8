package org.zkplatform.transport.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zkplatform.api.Settings;
import org.zkplatform.api.SettingsException;

class NettyTransportConfigTest {

    @Test
    void emptySettingsGiveTheDefaults() {
        assertEquals(new NettyTransportConfig(0, 32 * 1024, 64 * 1024, 0, true),
                NettyTransportConfig.from(Settings.empty()));
    }

    @Test
    void mapsEveryKey() {
        Settings settings = Settings.of(Map.of(
                "io-threads", 4, "write-buffer-low", "1k", "write-buffer-high", "2MiB",
                "listen-backlog", 128, "native", false));

        assertEquals(new NettyTransportConfig(4, 1024, 2 * 1024 * 1024, 128, false),
                NettyTransportConfig.from(settings));
    }

    @Test
    void rejectsAHighMarkBelowTheLowMarkNamingTheKey() {
        SettingsException e = assertThrows(SettingsException.class, () -> NettyTransportConfig.from(
                Settings.of(Map.of("zk.transport.plain.write-buffer-low", "64k",
                        "zk.transport.plain.write-buffer-high", "1k")).section("zk.transport.plain")));
        assertEquals("bad value for zk.transport.plain.write-buffer-high: '1024'; allowed: at least write-buffer-low (65536)",
                e.getMessage());
    }
}
