package org.zkplatform.zab.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkplatform.api.Settings;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.AuthResult;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;

class IpAuthenticationProviderTest {

    private final Authenticator ip = new IpAuthenticationProvider().create(Settings.empty());

    @Test
    void schemeIsIp() {
        assertEquals("ip", new IpAuthenticationProvider().scheme());
    }

    @Test
    void identifyGivesTheDottedIpv4Address() {
        assertEquals(List.of(new Id("ip", "192.168.1.7")), ip.identify(AuthFixtures.request("", "192.168.1.7")));
    }

    @Test
    void identifyGivesIpv6AsJavaWritesIt() {
        assertEquals(List.of(new Id("ip", "0:0:0:0:0:0:0:1")), ip.identify(AuthFixtures.request("", "::1")));
        assertEquals(List.of(new Id("ip", "2001:db8:0:0:0:0:0:1")), ip.identify(AuthFixtures.request("", "2001:db8::1")));
    }

    @Test
    void identifyGivesNothingForAnUnresolvedAddress() {
        AuthRequest unresolved = new AuthRequest(new byte[0], InetSocketAddress.createUnresolved("host", 1), Optional.empty());
        assertEquals(List.of(), ip.identify(unresolved));
    }

    @Test
    void addauthIgnoresTheCredentialsAndGivesTheClientAddress() {
        AuthResult result = ip.authenticate(AuthFixtures.request("10.9.9.9", "10.0.0.1"));
        assertEquals(new AuthResult.Success(List.of(new Id("ip", "10.0.0.1"))), result);
    }

    @Test
    void addauthFailsOnlyForAnUnresolvedAddress() {
        AuthRequest unresolved = new AuthRequest(new byte[0], InetSocketAddress.createUnresolved("host", 1), Optional.empty());
        assertInstanceOf(AuthResult.Failure.class, ip.authenticate(unresolved));
    }

    @Test
    void ipIdsAreNotAuthenticatedPrincipals() {
        assertFalse(ip.isAuthenticated());
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // Exact IPv4.
        "10.1.2.3|10.1.2.3|true",
        "10.1.2.3|10.1.2.4|false",
        // IPv4 prefixes, byte-aligned and not.
        "10.1.2.3|10.1.2.0/24|true",
        "10.1.3.3|10.1.2.0/24|false",
        "10.1.2.3|10.1.99.99/16|true",
        "10.1.2.3|10.0.0.0/8|true",
        "11.1.2.3|10.0.0.0/8|false",
        "10.1.2.3|10.1.2.3/32|true",
        "10.1.2.4|10.1.2.3/32|false",
        "10.1.2.3|99.99.99.99/0|true",
        "10.1.31.1|10.1.16.0/20|true",
        "10.1.32.1|10.1.16.0/20|false",
        "10.1.2.3|10.1.2.2/31|true",
        "10.1.2.4|10.1.2.2/31|false",
        // A leading + is read as Integer.parseInt reads it.
        "10.1.2.3|+10.1.2.3/+24|true",
        // Malformed prefix lengths match nothing, even /0-like text.
        "10.1.2.3|10.1.2.3/33|false",
        "10.1.2.3|10.1.2.3/-1|false",
        "10.1.2.3|10.1.2.3/abc|false",
        "10.1.2.3|10.1.2.3/|false",
        "10.1.2.3|10.1.2.3/24/8|false",
        // Malformed ACL addresses match nothing.
        "10.1.2.3|10.1.2|false",
        "10.1.2.3|10.1.2.256|false",
        "10.1.2.3|10.1.2.3.4|false",
        "10.1.2.3|localhost|false",
        "10.1.2.3|''|false",
        // Malformed client ids match nothing.
        "10.1.2|10.0.0.0/8|false",
        "10.1.2.3/8|10.0.0.0/8|false",
        // IPv6 in Java's form against full, compressed and prefixed entries.
        "0:0:0:0:0:0:0:1|::1|true",
        "0:0:0:0:0:0:0:1|0000:0000:0000:0000:0000:0000:0000:0001|true",
        "0:0:0:0:0:0:0:2|::1|false",
        "2001:db8:0:0:0:0:0:1|2001:db8::/32|true",
        "2001:db9:0:0:0:0:0:1|2001:db8::/32|false",
        "fe80:0:0:0:1:2:3:4|fe80::/10|true",
        "febf:0:0:0:1:2:3:4|fe80::/10|true",
        "fec0:0:0:0:1:2:3:4|fe80::/10|false",
        "2001:db8:0:0:0:0:0:1|::/0|true",
        "2001:db8:0:0:0:0:0:1|2001:DB8::1/128|true",
        "2001:db8:0:0:0:0:0:1|2001:db8::1/129|false",
        // Java adds a scope to link-local addresses; ZooKeeper's parser cannot read it.
        "fe80:0:0:0:1:2:3:4%eth0|fe80::/10|false",
        // Malformed IPv6 entries.
        "0:0:0:0:0:0:0:1|1::2::|false",
        "0:0:0:0:0:0:0:1|1:2:3:4:5:6:7|false",
        "0:0:0:0:0:0:0:1|1:2::3:4:5:6:7:8|false",
        "0:0:0:0:0:0:0:1|12345::|false",
        "0:0:0:0:0:0:0:1|efgh::|false",
        "0:0:0:0:0:0:0:1|::ffff:1.2.3.4|false",
        // The families never match each other, even under /0.
        "10.1.2.3|::/0|false",
        "0:0:0:0:0:0:0:1|0.0.0.0/0|false",
    })
    void matchesChecksTheAddressUnderTheMaskAsZooKeeperDoes(String id, String aclId, boolean expected) {
        assertEquals(expected, ip.matches(id, aclId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "10.1.2.0/24", "0.0.0.0/0", "10.1.2.3/32", "::1", "::", "fe80::/10",
        "2001:db8:0:0:0:0:0:1/128", "1:2:3:4:5:6:7:8"})
    void isValidAcceptsAnAddressWithAnOptionalPrefixLength(String aclId) {
        assertEquals(true, ip.isValid(aclId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "10.1.2", "10.1.2.3.4", "10.1.2.300", "10.1.2.3/33", "10.1.2.3/-1",
        "10.1.2.3/x", "10.1.2.3/", "::1/129", "1::2::3", ":::", "1:2:3:4:5:6:7:8:9", "::ffff:10.1.2.3", "fe80::1%eth0"})
    void isValidRefusesWhatZooKeeperRefuses(String aclId) {
        assertEquals(false, ip.isValid(aclId));
    }
}
