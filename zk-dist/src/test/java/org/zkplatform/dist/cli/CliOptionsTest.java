package org.zkplatform.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkplatform.dist.cli.client.HostPort;

class CliOptionsTest {

    @Test
    void withoutOptionsItRunsAShellOnTheLocalDefaultPort() throws Exception {
        CliOptions options = CliOptions.parse(new String[0]);

        assertEquals(List.of(new HostPort("127.0.0.1", 2181)), options.servers());
        assertEquals(30_000, options.timeoutMs());
        assertTrue(options.command().isEmpty());
        assertFalse(options.help());
    }

    @Test
    void serverListTimeoutAndTheCommandWordForWord() throws Exception {
        CliOptions options = CliOptions.parse(new String[] {"-server", "a:1,b,[::1]:3", "-timeout", "5000", "set",
            "/x", "-1"});

        assertEquals(List.of(new HostPort("a", 1), new HostPort("b", 2181), new HostPort("::1", 3)), options.servers());
        assertEquals(5000, options.timeoutMs());
        assertEquals(List.of("set", "/x", "-1"), options.command());
    }

    @Test
    void badOptionsAreUsageErrorsThatSayWhy() {
        assertUsage("unknown option -bogus", "-bogus");
        assertUsage("-server needs a value", "-server");
        assertUsage("-timeout needs a positive number of milliseconds, got 'soon'", "-timeout", "soon");
        assertUsage("-timeout needs a positive number of milliseconds, got '0'", "-timeout", "0");
        assertUsage("bad server address 'h:x': port is not a number: 'x'", "-server", "h:x");
        assertUsage("bad server list 'h:1/app': a chroot (/path) is not supported", "-server", "h:1/app");
        assertUsage("bad server list 'h:1,': an empty address", "-server", "h:1,");
    }

    @Test
    void helpIsAnOption() throws Exception {
        assertTrue(CliOptions.parse(new String[] {"-help"}).help());
    }

    private static void assertUsage(String message, String... args) {
        CliException e = assertThrows(CliException.class, () -> CliOptions.parse(args));
        assertEquals(CliExit.USAGE, e.exit());
        assertEquals(message, e.getMessage());
    }
}
