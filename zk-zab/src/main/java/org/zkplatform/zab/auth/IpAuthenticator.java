package org.zkplatform.zab.auth;

import java.net.InetAddress;
import java.util.List;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.AuthResult;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;

/**
 * The working part of the {@code ip} scheme; made by {@link IpAuthenticationProvider}.
 *
 * <p>Addresses are parsed the way ZooKeeper 3.9's IPAuthenticationProvider parses them, not with
 * {@link InetAddress}, so that the same ACL text is accepted, refused and matched alike. A text
 * containing {@code :} is IPv6 (eight hex groups of at most four digits, or fewer with one
 * {@code ::}; no embedded IPv4 part, no {@code %scope}); otherwise a text containing {@code .} is
 * IPv4 (four decimal parts, each 0 to 255); anything else is no address. Numbers are read with
 * {@link Integer#parseInt}, so a leading {@code +} or {@code -} is accepted as it is there.
 */
public final class IpAuthenticator implements Authenticator {

    private static final int IPV6_BYTES = 16;
    private static final int IPV6_GROUPS = 8;
    private static final int IPV6_GROUP_HEX_DIGITS_MAX = 4;

    /** The connection's {@code ip:<address>} id, the address as {@link InetAddress#getHostAddress} writes it. */
    @Override
    public List<Id> identify(AuthRequest connection) {
        InetAddress address = connection.remoteAddress().getAddress();
        if (address == null) {
            return List.of();
        }
        return List.of(new Id(IpAuthenticationProvider.SCHEME, address.getHostAddress()));
    }

    /** Ignores the credentials and gives the connection's address, as ZooKeeper does. */
    @Override
    public AuthResult authenticate(AuthRequest request) {
        List<Id> ids = identify(request);
        if (ids.isEmpty()) {
            return AuthResult.failure("the client address is unresolved: " + request.remoteAddress());
        }
        return new AuthResult.Success(ids);
    }

    /**
     * Whether the address {@code id} lies in {@code aclId}, an address with an optional
     * {@code /bits} prefix length. A malformed ACL address or prefix length (not a number, negative,
     * or longer than the address) matches nothing, and an IPv4 id never matches an IPv6 entry or
     * the reverse.
     */
    @Override
    public boolean matches(String id, String aclId) {
        String[] parts = aclId.split("/", 2);
        byte[] aclAddress = parseAddress(parts[0]);
        if (aclAddress == null) {
            return false;
        }
        int bits = aclAddress.length * 8;
        if (parts.length == 2) {
            bits = parsePrefixBits(parts[1], aclAddress.length);
            if (bits < 0) {
                return false;
            }
        }
        byte[] address = parseAddress(id);
        if (address == null || address.length != aclAddress.length) {
            return false;
        }
        mask(aclAddress, bits);
        mask(address, bits);
        for (int i = 0; i < address.length; i++) {
            if (address[i] != aclAddress[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code aclId} is an address with an optional {@code /bits} no longer than the address. */
    @Override
    public boolean isValid(String aclId) {
        String[] parts = aclId.split("/", 2);
        byte[] address = parseAddress(parts[0]);
        if (address == null) {
            return false;
        }
        return parts.length == 1 || parsePrefixBits(parts[1], address.length) >= 0;
    }

    /** An ip id names a host, not a principal, so {@code auth} ACLs do not expand to it. */
    @Override
    public boolean isAuthenticated() {
        return false;
    }

    /** The prefix length, or -1 when it is not a number from 0 to the address's bit count. */
    private static int parsePrefixBits(String text, int addressBytes) {
        try {
            int bits = Integer.parseInt(text);
            return bits < 0 || bits > addressBytes * 8 ? -1 : bits;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Clears every bit after the first {@code bits}. */
    private static void mask(byte[] address, int bits) {
        int index = bits / 8;
        if (index < address.length) {
            address[index] &= (byte) (0xFF00 >> (bits % 8));
            for (int i = index + 1; i < address.length; i++) {
                address[i] = 0;
            }
        }
    }

    /** 4 or 16 bytes, or null when {@code text} is not an address. */
    static byte[] parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        if (text.indexOf('.') >= 0) {
            return parseIpv4(text);
        }
        return null;
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value;
            try {
                value = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                return null;
            }
            if (value < 0 || value > 255) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }

    private static byte[] parseIpv6(String text) {
        String[] halves = text.split("::", -1);
        String[] head;
        String[] tail = new String[0];
        if (halves.length == 1) {
            head = text.split(":", -1);
            if (head.length != IPV6_GROUPS) {
                return null;
            }
        } else if (halves.length == 2) {
            head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
            tail = halves[1].isEmpty() ? new String[0] : halves[1].split(":", -1);
            // "::" stands for at least one zero group.
            if (head.length + tail.length >= IPV6_GROUPS) {
                return null;
            }
        } else {
            return null;
        }
        byte[] address = new byte[IPV6_BYTES];
        if (!putGroups(address, 0, head) || !putGroups(address, IPV6_BYTES - 2 * tail.length, tail)) {
            return null;
        }
        return address;
    }

    private static boolean putGroups(byte[] address, int offset, String[] groups) {
        int at = offset;
        for (String group : groups) {
            if (group.isEmpty() || group.length() > IPV6_GROUP_HEX_DIGITS_MAX) {
                return false;
            }
            int value;
            try {
                value = Integer.parseInt(group, 16);
            } catch (NumberFormatException e) {
                return false;
            }
            address[at++] = (byte) (value >> 8);
            address[at++] = (byte) value;
        }
        return true;
    }
}
