package org.zkplatform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MapSettingsTest {

    private final Settings settings = Settings.of(Map.of(
            "zk.server.tick-time", "2s",
            "zk.server.port", 2181,
            "zk.server.name", "alpha",
            "zk.client", Map.of("max-frame", "1MiB", "secure", "yes"),
            "zk.words", List.of("srvr", "ruok"),
            "zk.servers", List.of(Map.of("id", 1, "host", "a"), Map.of("id", 2, "host", "b"))));

    @Test
    void readsTypedValuesFromDottedAndNestedKeys() {
        Settings server = settings.section("zk.server");
        assertEquals("zk.server", server.path());
        assertEquals(Duration.ofSeconds(2), server.getDuration("tick-time"));
        assertEquals(2181, server.getInt("port"));
        assertEquals(1 << 20, settings.getBytes("zk.client.max-frame"));
        assertTrue(settings.section("zk.client").getBoolean("secure"));
        assertEquals(List.of("srvr", "ruok"), settings.getStringList("zk.words"));
        assertEquals(Set.of("server", "client", "words", "servers"), settings.section("zk").keys());
    }

    @Test
    void readsListsOfObjectsAsSections() {
        List<Settings> servers = settings.getSectionList("zk.servers");
        assertEquals(2, servers.size());
        assertEquals("b", servers.get(1).getString("host"));
        assertEquals("zk.servers.1", servers.get(1).path());
        assertEquals(List.of(), settings.getSectionList("zk.absent"));
    }

    @Test
    void namesTheAbsoluteKeyTheValueAndWhatIsAllowed() {
        Settings server = settings.section("zk.server");
        SettingsException wrongType = assertThrows(SettingsException.class, () -> server.getInt("name"));
        assertEquals("bad value for zk.server.name: 'alpha'; allowed: an integer", wrongType.getMessage());

        SettingsException missing = assertThrows(SettingsException.class, () -> server.getString("absent"));
        assertEquals("missing setting zk.server.absent: expected a string", missing.getMessage());

        SettingsException range = assertThrows(SettingsException.class, () -> server.getInt("port", 1, 1024));
        assertEquals("bad value for zk.server.port: '2181'; allowed: an integer from 1 to 1024", range.getMessage());

        SettingsException choice = assertThrows(SettingsException.class,
                () -> server.getChoice("name", Set.of("beta", "gamma")));
        assertEquals("bad value for zk.server.name: 'alpha'; allowed: one of beta, gamma", choice.getMessage());
    }

    @Test
    void emptySettingsHaveNoKeys() {
        assertFalse(Settings.empty().has("anything"));
        assertEquals(Set.of(), Settings.empty().keys());
    }
}
