package org.zkplatform.zab.server;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ZooKeeper's four-letter words, in its output formats (the ones tools parse: {@code Mode:},
 * {@code Zxid:}, {@code zk_*} keys). Runs on the driver thread, so it reads a consistent state.
 */
final class FourLetterWords {

    /** What we report as our ZooKeeper version: the protocol we speak, and who we are. */
    static final String VERSION = "3.9.5-zkplatform-0.1.0, built on 2026-11-23 00:00 UTC";

    static final Set<String> KNOWN = Set.of("ruok", "srvr", "stat", "mntr", "conf", "cons", "envi", "wchs",
            "wchc", "wchp", "dump", "isro", "crst", "srst", "dirs");

    private FourLetterWords() {
    }

    /** The command a connection's first four bytes spell, or null if they spell none we know. */
    static String commandOf(int firstWord) {
        char[] chars = {(char) (firstWord >>> 24 & 0xFF), (char) (firstWord >>> 16 & 0xFF),
                (char) (firstWord >>> 8 & 0xFF), (char) (firstWord & 0xFF)};
        String word = new String(chars);
        return KNOWN.contains(word) ? word : null;
    }

    static String answer(String word, Set<String> whitelist, ServerCore.CoreView view) {
        if (!whitelist.contains("*") && !whitelist.contains(word)) {
            return word + " is not executed because it is not in the whitelist.\n";
        }
        switch (word) {
            case "ruok":
                return "imok";
            case "isro":
                return "rw";
            case "srvr":
                return "Zookeeper version: " + VERSION + "\n" + serverStats(view);
            case "stat":
                return "Zookeeper version: " + VERSION + "\n" + clients(view, true) + serverStats(view);
            case "cons":
                return clients(view, false).substring("Clients:\n".length());
            case "mntr":
                return monitor(view);
            case "conf":
                return String.join("\n", view.settings().conf().get()) + "\n";
            case "envi":
                return environment();
            case "wchs":
                return view.watches().summary().toWchsText();
            case "wchc":
                return watchesBySession(view);
            case "wchp":
                return watchesByPath(view);
            case "dump":
                return dump(view);
            case "dirs":
                return "datadir_size: 0\nlogdir_size: 0\n";
            case "crst":
                for (ClientConnection c : view.connections()) {
                    c.stats.reset();
                }
                return "Connection stats reset.\n";
            case "srst":
                view.stats().reset();
                return "Server stats reset.\n";
            default:
                throw new IllegalArgumentException("unknown command " + word);
        }
    }

    private static String serverStats(ServerCore.CoreView view) {
        ServerStats s = view.stats();
        int connections = connectionCount(view);
        return "Latency min/avg/max: " + s.minLatency() + "/" + s.avgLatency() + "/" + s.maxLatencyMillis + "\n"
                + "Received: " + s.packetsReceived + "\n"
                + "Sent: " + s.packetsSent + "\n"
                + "Connections: " + connections + "\n"
                + "Outstanding: " + view.outstanding() + "\n"
                + "Zxid: 0x" + Long.toHexString(view.tree().lastProcessedZxid()) + "\n"
                + "Mode: " + view.mode() + "\n"
                + "Node count: " + nodeCount(view) + "\n";
    }

    /** ZooKeeper keeps the root under two keys and counts it twice; tools compare against that. */
    static int nodeCount(ServerCore.CoreView view) {
        return view.tree().nodeCount() + 1;
    }

    private static String clients(ServerCore.CoreView view, boolean brief) {
        StringBuilder out = new StringBuilder("Clients:\n");
        for (ClientConnection c : view.connections()) {
            ConnectionStats s = c.stats;
            out.append(' ').append(c.remoteAddress()).append("[1](queued=").append(c.queue.size())
                    .append(",recved=").append(s.received).append(",sent=").append(s.sent);
            if (!brief) {
                out.append(",sid=0x").append(Long.toHexString(c.sessionId))
                        .append(",lop=").append(s.lastOp)
                        .append(",est=").append(s.establishedMillis)
                        .append(",to=").append(c.timeoutMs);
                if (s.lastCxid >= 0) {
                    out.append(",lcxid=0x").append(Long.toHexString(s.lastCxid));
                }
                out.append(",lzxid=0x").append(Long.toHexString(s.lastZxid))
                        .append(",lresp=").append(s.lastResponseMillis)
                        .append(",llat=").append(s.lastLatencyMillis)
                        .append(",minlat=").append(s.minLatency())
                        .append(",avglat=").append(s.avgLatency())
                        .append(",maxlat=").append(s.maxLatencyMillis);
            }
            out.append(")\n");
        }
        return out.append('\n').toString();
    }

    private static String monitor(ServerCore.CoreView view) {
        StringBuilder out = new StringBuilder();
        monitorValues(view).forEach((key, value) -> out.append(key).append('\t').append(value).append('\n'));
        return out.toString();
    }

    /** The {@code mntr} keys and values, in its order; the admin endpoint's monitor shares them. */
    static Map<String, Object> monitorValues(ServerCore.CoreView view) {
        ServerStats s = view.stats();
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("zk_version", VERSION);
        values.put("zk_server_state", view.mode());
        values.put("zk_avg_latency", s.avgLatency());
        values.put("zk_max_latency", s.maxLatencyMillis);
        values.put("zk_min_latency", s.minLatency());
        values.put("zk_packets_received", s.packetsReceived);
        values.put("zk_packets_sent", s.packetsSent);
        values.put("zk_num_alive_connections", connectionCount(view));
        values.put("zk_outstanding_requests", view.outstanding());
        values.put("zk_uptime", view.nowMillis() - s.startMillis);
        values.put("zk_znode_count", nodeCount(view));
        values.put("zk_watch_count", view.watches().watchCount());
        values.put("zk_ephemerals_count", view.tree().ephemeralCount());
        values.put("zk_approximate_data_size", view.tree().approximateDataSize());
        values.put("zk_global_sessions", view.sessions().count());
        values.put("zk_local_sessions", 0);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            com.sun.management.UnixOperatingSystemMXBean unix = (com.sun.management.UnixOperatingSystemMXBean) os;
            values.put("zk_open_file_descriptor_count", unix.getOpenFileDescriptorCount());
            values.put("zk_max_file_descriptor_count", unix.getMaxFileDescriptorCount());
        }
        values.put("zk_connection_drop_probability", 0.0);
        values.put("zk_last_client_response_size", s.lastResponseSize);
        values.put("zk_max_client_response_size", s.maxResponseSize);
        values.put("zk_min_client_response_size", minResponseSize(s));
        values.put("zk_outstanding_tls_handshake", 0);
        values.put("zk_auth_failed_count", s.authFailures);
        values.put("zk_non_mtls_remote_conn_count", 0);
        values.put("zk_non_mtls_local_conn_count", 0);
        return values;
    }

    static long minResponseSize(ServerStats s) {
        return s.minResponseSize == Long.MAX_VALUE ? -1 : s.minResponseSize;
    }

    static int connectionCount(ServerCore.CoreView view) {
        int connections = 0;
        for (ClientConnection ignored : view.connections()) {
            connections++;
        }
        return connections;
    }

    private static String environment() {
        StringBuilder out = new StringBuilder("Environment:\n");
        environmentValues().forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    /** What {@code envi} prints, as keys and values in its order. */
    static Map<String, String> environmentValues() {
        Runtime runtime = Runtime.getRuntime();
        String host;
        try {
            host = InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            host = "<NA>";
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("zookeeper.version", VERSION);
        values.put("host.name", host);
        for (String key : new String[] {"java.version", "java.vendor", "java.home", "java.class.path",
                "java.library.path", "java.io.tmpdir"}) {
            values.put(key, System.getProperty(key, "<NA>"));
        }
        values.put("java.compiler", "<NA>");
        for (String key : new String[] {"os.name", "os.arch", "os.version", "user.name", "user.home", "user.dir"}) {
            values.put(key, System.getProperty(key, "<NA>"));
        }
        values.put("os.memory.free", runtime.freeMemory() / (1024 * 1024) + "MB");
        values.put("os.memory.max", runtime.maxMemory() / (1024 * 1024) + "MB");
        values.put("os.memory.total", runtime.totalMemory() / (1024 * 1024) + "MB");
        return values;
    }

    /** Watches are registered by connection; ZooKeeper reports them by session. */
    private static String watchesBySession(ServerCore.CoreView view) {
        Map<Long, Long> sessionOf = sessionsByConnection(view);
        SortedMap<Long, SortedSet<String>> bySession = new TreeMap<>();
        view.watches().pathsByWatcher().forEach((connection, paths) -> bySession
                .computeIfAbsent(sessionOf.getOrDefault(connection, 0L), k -> new TreeSet<>()).addAll(paths));
        StringBuilder out = new StringBuilder();
        bySession.forEach((session, paths) -> {
            out.append("0x").append(Long.toHexString(session)).append('\n');
            paths.forEach(path -> out.append('\t').append(path).append('\n'));
        });
        return out.append('\n').toString();
    }

    private static String watchesByPath(ServerCore.CoreView view) {
        Map<Long, Long> sessionOf = sessionsByConnection(view);
        StringBuilder out = new StringBuilder();
        view.watches().watchersByPath().forEach((path, watchers) -> {
            out.append(path).append('\n');
            SortedSet<Long> sessions = new TreeSet<>();
            watchers.forEach(w -> sessions.add(sessionOf.getOrDefault(w, 0L)));
            sessions.forEach(s -> out.append("\t0x").append(Long.toHexString(s)).append('\n'));
        });
        return out.append('\n').toString();
    }

    static Map<Long, Long> sessionsByConnection(ServerCore.CoreView view) {
        Map<Long, Long> sessionOf = new java.util.HashMap<>();
        for (ClientConnection c : view.connections()) {
            sessionOf.put(c.transport.id(), c.sessionId);
        }
        return sessionOf;
    }

    private static String dump(ServerCore.CoreView view) {
        StringBuilder out = new StringBuilder("SessionTracker dump:\n");
        out.append(view.sessions().dump(view.monotonicMillis(), view.nowMillis()));
        out.append("ephemeral nodes dump:\n");
        Map<Long, Set<String>> ephemerals = view.tree().allEphemerals();
        out.append("Sessions with Ephemerals (").append(ephemerals.size()).append("):\n");
        ephemerals.forEach((session, paths) -> {
            out.append("0x").append(Long.toHexString(session)).append(":\n");
            new TreeSet<>(paths).forEach(path -> out.append('\t').append(path).append('\n'));
        });
        out.append("Connections dump:\n");
        for (ClientConnection c : view.connections()) {
            out.append('\t').append(c.remoteAddress()).append(" session 0x").append(Long.toHexString(c.sessionId))
                    .append('\n');
        }
        return out.toString();
    }
}
