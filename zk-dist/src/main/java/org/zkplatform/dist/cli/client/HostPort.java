package org.zkplatform.dist.cli.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A server's client address as an operator writes it: {@code host:port}, {@code host} (port
 * 2181), or {@code [ipv6]:port}.
 */
public record HostPort(String host, int port) {

    /** ZooKeeper's client port, taken when an address names none. */
    public static final int DEFAULT_PORT = 2181;

    public HostPort {
        Objects.requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host name");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
    }

    /**
     * Parses one address.
     *
     * @throws IllegalArgumentException naming the address and what is wrong with it
     */
    public static HostPort parse(String text) {
        String s = text.strip();
        try {
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("no ']' after the IPv6 address");
                }
                String rest = s.substring(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new IllegalArgumentException("expected ':port' after ']'");
                }
                return new HostPort(s.substring(1, close), rest.isEmpty() ? DEFAULT_PORT : port(rest.substring(1)));
            }
            int colon = s.indexOf(':');
            if (colon < 0) {
                return new HostPort(s, DEFAULT_PORT);
            }
            if (s.indexOf(':', colon + 1) >= 0) {
                // More than one colon and no brackets: a bare IPv6 address, which cannot carry a port.
                return new HostPort(s, DEFAULT_PORT);
            }
            return new HostPort(s.substring(0, colon), port(s.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad server address '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Parses a comma-separated list, as in {@code -server h1:2181,h2:2181}. A chroot suffix
     * ({@code /app}) is refused rather than silently ignored.
     */
    public static List<HostPort> parseList(String text) {
        if (text.contains("/")) {
            throw new IllegalArgumentException("bad server list '" + text + "': a chroot (/path) is not supported");
        }
        List<HostPort> servers = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("bad server list '" + text + "': an empty address");
            }
            servers.add(parse(part));
        }
        return List.copyOf(servers);
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
