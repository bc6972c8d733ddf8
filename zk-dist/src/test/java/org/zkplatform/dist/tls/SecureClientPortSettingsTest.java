package org.zkplatform.dist.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.zkplatform.dist.StartupException;
import org.zkplatform.dist.config.ConfigLoader;
import org.zkplatform.dist.config.SecureClientPort;
import org.zkplatform.dist.config.ServerSettings;

/** zk.client.secure-port, secure-address and secure-transport, as the launcher reads them. */
class SecureClientPortSettingsTest {

    private static ServerSettings read(String hocon) throws StartupException {
        Config reference = ConfigLoader.load(SecureClientPortSettingsTest.class.getClassLoader(), Optional.empty(),
                new Properties());
        return ServerSettings.from(ConfigFactory.parseString(hocon).withFallback(reference).resolve());
    }

    @Test
    void noSecurePortByDefault() throws Exception {
        assertEquals(Optional.empty(), read("").secureClientPort());
    }

    @Test
    void aSecurePortListensBesideTheClientPortOnItsAddress() throws Exception {
        assertEquals(Optional.of(new SecureClientPort(new InetSocketAddress("10.0.0.7", 2281), "tls")),
                read("zk.client { address = \"10.0.0.7\", secure-port = 2281 }").secureClientPort());
    }

    @Test
    void mapsEveryKeyExplicitly() throws Exception {
        assertEquals(Optional.of(new SecureClientPort(new InetSocketAddress("127.0.0.2", 2281), "mine")),
                read("zk.client { secure-port = 2281, secure-address = \"127.0.0.2\", secure-transport = mine }")
                        .secureClientPort());
    }

    @Test
    void refusesAPortOutOfRange() {
        StartupException e = assertThrows(StartupException.class, () -> read("zk.client.secure-port = 70000"));
        assertTrue(e.getMessage().contains("bad value for zk.client.secure-port: '70000'"), e.getMessage());
    }
}
