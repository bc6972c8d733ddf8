package org.zkplatform.election.fle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The first bytes on an election connection, from the side that dialed: ZooKeeper's
 * {@code QuorumCnxManager.InitialMessage}. No framing:
 *
 * <pre>
 * long protocolVersion (-65536 "V1", -65535 "V2") | long sid | int addressLength | address bytes
 * </pre>
 *
 * The address is the dialer's election address, {@code host:port} (V2: several joined by
 * {@code |}, IPv6 hosts in brackets). A first long that is not negative is the whole message: a
 * bare server id, as servers before 3.5 sent it.
 *
 * @param protocolVersion {@link #PROTOCOL_V1}, {@link #PROTOCOL_V2}, or the sid itself for the old form
 * @param sid the dialer's server id; {@link #OBSERVER_ID} for an observer without a configured id
 * @param addresses the dialer's election addresses as sent; empty for the old form
 */
public record InitialMessage(long protocolVersion, long sid, List<String> addresses) {

    /** Sent by ZooKeeper 3.5 and later unless multi-address is enabled. */
    public static final long PROTOCOL_V1 = -65536L;
    /** Sent by ZooKeeper 3.6 and later with {@code multiAddress.enabled}. */
    public static final long PROTOCOL_V2 = -65535L;
    /** The longest address text a receiver accepts, ZooKeeper's {@code maxBuffer}. */
    public static final int MAX_ADDRESS_BYTES = 2048;
    /** The id an observer without a configured id connects with; the receiver assigns it a temporary one. */
    public static final long OBSERVER_ID = Long.MAX_VALUE;

    public InitialMessage {
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses is null"));
    }

    /** The V1 message ZooKeeper 3.9 sends by default. */
    public static byte[] encode(long sid, String address) {
        byte[] addressBytes = address.getBytes(StandardCharsets.UTF_8);
        if (addressBytes.length == 0 || addressBytes.length > MAX_ADDRESS_BYTES) {
            throw new IllegalArgumentException("election address text must be 1 to " + MAX_ADDRESS_BYTES + " bytes: " + address);
        }
        ByteBuffer buffer = ByteBuffer.allocate(8 + 8 + 4 + addressBytes.length);
        buffer.putLong(PROTOCOL_V1).putLong(sid).putInt(addressBytes.length).put(addressBytes);
        return buffer.array();
    }

    /**
     * Checks one {@code host:port} the way ZooKeeper's {@code ConfigUtils.getHostAndPort} splits it.
     *
     * @return why it is badly formed, or null if it is fine
     */
    static String addressProblem(String address) {
        String host;
        String port;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0 || close + 1 >= address.length() || address.charAt(close + 1) != ':') {
                return "badly formed address " + address;
            }
            host = address.substring(1, close);
            port = address.substring(close + 2);
        } else {
            String[] parts = address.split(":", -1);
            if (parts.length != 2) {
                return "badly formed address " + address;
            }
            host = parts[0];
            port = parts[1];
        }
        if (host.isEmpty()) {
            return "no host in " + address;
        }
        try {
            int number = Integer.parseInt(port);
            return number < 0 || number > 65_535 ? "bad port in " + address : null;
        } catch (NumberFormatException e) {
            return "bad port in " + address;
        }
    }
}
