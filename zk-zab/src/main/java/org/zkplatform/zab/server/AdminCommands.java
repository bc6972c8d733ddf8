package org.zkplatform.zab.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.zab.admin.AdminCommand;
import org.zkplatform.zab.admin.CommandResult;
import org.zkplatform.zab.admin.LearnerFacts;
import org.zkplatform.zab.admin.Readiness;
import org.zkplatform.zab.admin.ServerGauges;
import org.zkplatform.zab.metrics.ServerMetrics;

/**
 * ZooKeeper's admin commands over the state the four-letter words read, with the field names of
 * its AdminServer's JSON. Runs on the driver thread, like the four-letter words, so every answer
 * is one consistent reading.
 */
public final class AdminCommands {

    private static final Logger LOG = LoggerFactory.getLogger(AdminCommands.class);

    /** ZooKeeper's words for a command run while the server does not serve. */
    static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

    private AdminCommands() {
    }

    public static CommandResult run(String name, Inspection state) {
        Optional<AdminCommand> known = AdminCommand.named(name);
        if (known.isEmpty()) {
            return CommandResult.failed(name, CommandResult.Status.UNKNOWN_COMMAND, "Unknown command: " + name);
        }
        AdminCommand command = known.get();
        if (command.needsServing() && state.core() == null) {
            return CommandResult.failed(command.primaryName(), CommandResult.Status.NOT_SERVING, NOT_SERVING);
        }
        try {
            return answer(command, state);
        } catch (RuntimeException e) {
            // A bug in one command: its caller gets the error, the core goes on.
            LOG.warn("Admin command {} failed: {}", command.primaryName(), e.toString());
            return CommandResult.failed(command.primaryName(), CommandResult.Status.FAILED, e.toString());
        }
    }

    private static CommandResult answer(AdminCommand command, Inspection state) {
        ServerCore.CoreView view = state.core() == null ? null : state.core().view();
        Map<String, Object> out = new LinkedHashMap<>();
        switch (command) {
            case RUOK, CONNECTION_STAT_RESET, STAT_RESET -> reset(command, view);
            case SERVER_STATS -> serverStats(view, state, out);
            case STATS -> {
                serverStats(view, state, out);
                out.put("connections", connections(view, true));
            }
            case MONITOR -> monitor(view, state, out);
            case CONFIGURATION -> configuration(view, out);
            case CONNECTIONS -> {
                out.put("connections", connections(view, false));
                out.put("secure_connections", List.of());
            }
            case ENVIRONMENT -> out.putAll(FourLetterWords.environmentValues());
            case WATCH_SUMMARY -> {
                var summary = view.watches().summary();
                out.put("num_connections", summary.connections());
                out.put("num_paths", summary.paths());
                out.put("num_total_watches", summary.totalWatches());
            }
            case WATCHES -> out.put("session_id_to_watched_paths", watchesBySession(view));
            case WATCHES_BY_PATH -> out.put("path_to_session_ids", watchesByPath(view));
            case DUMP -> dump(view, out);
            case DIRS -> {
                // As the dirs four-letter word: the storage SPI does not report sizes (yet).
                out.put("datadir_size", 0L);
                out.put("logdir_size", 0L);
            }
            case IS_READ_ONLY -> out.put("read_only", false);
            case LEADER -> {
                if (state.peer() == null) {
                    return new CommandResult(command.primaryName(), CommandResult.Status.OK,
                            "server is not initialized", Map.of());
                }
                out.put("is_leader", "leading".equals(state.peer().state()));
                out.put("leader_id", state.peer().leaderId());
                out.put("leader_ip", state.peer().leaderAddress());
            }
            case VOTING_VIEW -> {
                Map<String, Object> currentConfig = new LinkedHashMap<>();
                if (state.peer() != null) {
                    state.peer().votingView().forEach((id, server) -> currentConfig.put(Long.toString(id), server));
                }
                out.put("current_config", currentConfig);
            }
            case LAST_SNAPSHOT -> {
                ServerMetrics.LastSnapshot last = state.metrics().lastSnapshot();
                out.put("zxid", Long.toHexString(last == null ? -1L : last.zxid()));
                out.put("timestamp", last == null ? -1L : last.timestampMillis());
            }
            default -> throw new IllegalStateException("no handler for " + command);
        }
        return CommandResult.ok(command, out);
    }

    private static void reset(AdminCommand command, ServerCore.CoreView view) {
        if (command == AdminCommand.CONNECTION_STAT_RESET) {
            for (ClientConnection c : view.connections()) {
                c.stats.reset();
            }
        } else if (command == AdminCommand.STAT_RESET) {
            view.stats().reset();
        }
    }

    private static void serverStats(ServerCore.CoreView view, Inspection state, Map<String, Object> out) {
        ServerStats s = view.stats();
        out.put("version", FourLetterWords.VERSION);
        out.put("read_only", false);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("packets_sent", s.packetsSent);
        stats.put("packets_received", s.packetsReceived);
        stats.put("fsync_threshold_exceed_count", state.metrics().fsyncsOverThreshold());
        stats.put("max_latency", s.maxLatencyMillis);
        stats.put("min_latency", s.minLatency());
        stats.put("avg_latency", s.avgLatency());
        stats.put("last_processed_zxid", view.tree().lastProcessedZxid());
        stats.put("data_dir_size", 0L);
        stats.put("log_dir_size", 0L);
        stats.put("outstanding_requests", view.outstanding());
        stats.put("server_state", view.mode());
        stats.put("num_alive_client_connections", FourLetterWords.connectionCount(view));
        stats.put("auth_failed_count", s.authFailures);
        stats.put("non_mtls_remote_conn_count", 0L);
        stats.put("non_mtls_local_conn_count", 0L);
        stats.put("uptime", view.nowMillis() - s.startMillis);
        stats.put("client_response_stats", clientResponse(s));
        out.put("server_stats", stats);
        out.put("client_response", clientResponse(s));
        out.put("node_count", FourLetterWords.nodeCount(view));
    }

    private static Map<String, Object> clientResponse(ServerStats s) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("last_buffer_size", s.lastResponseSize);
        response.put("min_buffer_size", FourLetterWords.minResponseSize(s));
        response.put("max_buffer_size", s.maxResponseSize);
        return response;
    }

    /** mntr's keys without their {@code zk_} prefix, as ZooKeeper's monitor command names them. */
    private static void monitor(ServerCore.CoreView view, Inspection state, Map<String, Object> out) {
        if (view != null) {
            FourLetterWords.monitorValues(view).forEach((key, value) -> out.put(key.substring("zk_".length()), value));
        } else {
            out.put("version", FourLetterWords.VERSION);
            out.put("server_state", state.serverState());
            out.put("znode_count", state.tree().nodeCount() + 1);
            out.put("ephemerals_count", state.tree().ephemeralCount());
            out.put("approximate_data_size", state.tree().approximateDataSize());
        }
        ServerMetrics metrics = state.metrics();
        out.put("fsync_threshold_exceed_count", metrics.fsyncsOverThreshold());
        out.put("proposal_count", metrics.proposals());
        out.put("commit_count", metrics.commits());
        if (state.peer() != null) {
            out.put("quorum_size", state.peer().quorumSize());
            if ("leading".equals(state.peer().state())) {
                List<LearnerFacts> learners = state.peer().learners();
                out.put("learners", learners.size());
                out.put("synced_followers", learners.stream().filter(l -> l.synced() && !l.observer()).count());
                out.put("synced_observers", learners.stream().filter(l -> l.synced() && l.observer()).count());
            }
        }
    }

    /** The conf command's {@code key=value} lines as snake_case keys, numbers as numbers. */
    private static void configuration(ServerCore.CoreView view, Map<String, Object> out) {
        for (String line : view.settings().conf().get()) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1);
            out.put(snakeCase(line.substring(0, eq)), value.matches("-?\\d{1,18}") ? (Object) Long.parseLong(value) : value);
        }
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static List<Map<String, Object>> connections(ServerCore.CoreView view, boolean brief) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (ClientConnection c : view.connections()) {
            ConnectionStats s = c.stats;
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("remote_socket_address", String.valueOf(c.remoteAddress()));
            info.put("interest_ops", 1);
            info.put("outstanding_requests", (long) c.queue.size());
            info.put("packets_received", s.received);
            info.put("packets_sent", s.sent);
            if (!brief) {
                info.put("session_id", "0x" + Long.toHexString(c.sessionId));
                info.put("last_operation", s.lastOp);
                info.put("session_timeout", c.timeoutMs);
                info.put("last_cxid", "0x" + Long.toHexString(Math.max(0, s.lastCxid)));
                info.put("last_zxid", "0x" + Long.toHexString(Math.max(0, s.lastZxid)));
                info.put("last_response_time", s.lastResponseMillis);
                info.put("last_latency", s.lastLatencyMillis);
                info.put("min_latency", s.minLatency());
                info.put("avg_latency", s.avgLatency());
                info.put("max_latency", s.maxLatencyMillis);
                info.put("established", s.establishedMillis);
            }
            all.add(info);
        }
        return all;
    }

    /** Session ids as decimal keys, as ZooKeeper's JSON renders its Map&lt;Long, ...&gt;. */
    private static Map<String, Object> watchesBySession(ServerCore.CoreView view) {
        Map<Long, Long> sessionOf = FourLetterWords.sessionsByConnection(view);
        SortedMap<Long, SortedSet<String>> bySession = new TreeMap<>();
        view.watches().pathsByWatcher().forEach((connection, paths) -> bySession
                .computeIfAbsent(sessionOf.getOrDefault(connection, 0L), k -> new TreeSet<>()).addAll(paths));
        Map<String, Object> out = new LinkedHashMap<>();
        bySession.forEach((session, paths) -> out.put(Long.toString(session), List.copyOf(paths)));
        return out;
    }

    private static Map<String, Object> watchesByPath(ServerCore.CoreView view) {
        Map<Long, Long> sessionOf = FourLetterWords.sessionsByConnection(view);
        Map<String, Object> out = new LinkedHashMap<>();
        view.watches().watchersByPath().forEach((path, watchers) -> {
            SortedSet<Long> sessions = new TreeSet<>();
            watchers.forEach(w -> sessions.add(sessionOf.getOrDefault(w, 0L)));
            out.put(path, List.copyOf(sessions));
        });
        return out;
    }

    /** Expiry times as wall-clock milliseconds, so they can be read without the server's monotonic origin. */
    private static void dump(ServerCore.CoreView view, Map<String, Object> out) {
        long offset = view.nowMillis() - view.monotonicMillis();
        Map<String, Object> expiry = new LinkedHashMap<>();
        view.sessions().expiryBuckets().forEach((at, ids) -> expiry.put(Long.toString(offset + at), ids));
        out.put("expiry_time_to_session_ids", expiry);
        Map<String, Object> ephemerals = new LinkedHashMap<>();
        new TreeMap<>(view.tree().allEphemerals()).forEach((session, paths) ->
                ephemerals.put(Long.toString(session), List.copyOf(new TreeSet<>(paths))));
        out.put("session_id_to_ephemeral_paths", ephemerals);
    }

    // ------------------------------------------------------------------ probes and scrapes

    public static Readiness readiness(Inspection state) {
        if (state.core() != null) {
            return new Readiness(true, state.serverState(), "serving");
        }
        return new Readiness(false, state.serverState(), state.notServingReason());
    }

    public static ServerGauges gauges(Inspection state) {
        List<LearnerFacts> learners = state.peer() == null ? List.of() : state.peer().learners();
        int quorumSize = state.peer() == null ? 0 : state.peer().quorumSize();
        long ephemerals = state.tree().ephemeralCount();
        long nodes = state.tree().nodeCount() + 1L;
        long dataSize = state.tree().approximateDataSize();
        long zxid = state.tree().lastProcessedZxid();
        if (state.core() == null) {
            return new ServerGauges(state.serverState(), nodes, 0, ephemerals, dataSize, state.tree().sessions().size(),
                    0, 0, zxid, 0, 0, 0, 0, 0, 0, state.uptimeMillis(), quorumSize, learners);
        }
        ServerCore.CoreView view = state.core().view();
        ServerStats s = view.stats();
        return new ServerGauges(state.serverState(), nodes, view.watches().watchCount(), ephemerals, dataSize,
                view.sessions().count(), FourLetterWords.connectionCount(view), view.outstanding(), zxid,
                s.avgLatency(), s.minLatency(), s.maxLatencyMillis, s.packetsReceived, s.packetsSent, s.authFailures,
                state.uptimeMillis(), quorumSize, learners);
    }
}
