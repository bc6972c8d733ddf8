package org.zkplatform.dist.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesHostPortBareHostAndBracketedIpv6() {
        assertEquals(new HostPort("zk1.example", 2182), HostPort.parse("zk1.example:2182"));
        assertEquals(new HostPort("zk1", 2181), HostPort.parse(" zk1 "));
        assertEquals(new HostPort("::1", 2183), HostPort.parse("[::1]:2183"));
        assertEquals(new HostPort("fe80::1", 2181), HostPort.parse("fe80::1"));
        assertEquals("[::1]:2183", new HostPort("::1", 2183).toString());
        assertEquals("h:1", new HostPort("h", 1).toString());
    }

    @Test
    void parsesAListInItsOrder() {
        assertEquals(List.of(new HostPort("a", 1), new HostPort("b", 2)), HostPort.parseList("a:1,b:2"));
    }

    @Test
    void rejectsPortsOutOfRangeAndEmptyHosts() {
        assertEquals("bad server address 'h:70000': port out of range 1..65535: 70000",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("h:70000")).getMessage());
        assertEquals("bad server address ':2181': empty host name",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse(":2181")).getMessage());
        assertEquals("bad server address '[::1': no ']' after the IPv6 address",
                assertThrows(IllegalArgumentException.class, () -> HostPort.parse("[::1")).getMessage());
    }
}
