package org.zkplatform.dist.bench;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a server recovered its database at start, from its own log lines: which snapshot it
 * loaded, how long that took, and how many txns it then replayed from the log in how long. Ours
 * logs {@code Loaded snapshot <name> (...) in N ms} and, when it replays any, {@code Replayed N
 * txns (...) in M ms}; Apache logs {@code Reading snapshot <path>}, {@code N txns loaded in M ms}
 * and {@code Snapshot loaded in T ms} for both together.
 *
 * @param snapshot the snapshot file name, {@code ?} if not logged
 * @param snapshotMillis reading it, -1 if not logged
 * @param txns txns replayed after it, -1 if not logged
 * @param replayMillis replaying them, -1 if not logged
 */
record RecoveryLog(String snapshot, long snapshotMillis, long txns, long replayMillis) {

    private static final Pattern OURS_SNAPSHOT = Pattern.compile("Loaded snapshot (\\S+) \\(.*\\) in (\\d+) ms");
    private static final Pattern OURS_REPLAY = Pattern.compile("Replayed (\\d+) txns \\(.*\\) in (\\d+) ms");
    private static final Pattern APACHE_SNAPSHOT = Pattern.compile("Reading snapshot (\\S+)");
    private static final Pattern APACHE_REPLAY = Pattern.compile("(\\d+) txns loaded in (\\d+) ms");
    private static final Pattern APACHE_TOTAL = Pattern.compile("Snapshot loaded in (\\d+) ms");

    static RecoveryLog of(ServerProcess server) {
        return server.kind() == ServerKind.APACHE ? apache(server) : ours(server);
    }

    private static RecoveryLog ours(ServerProcess server) {
        Optional<Matcher> snapshot = find(server, "Loaded snapshot ", OURS_SNAPSHOT);
        Optional<Matcher> replay = find(server, "Replayed ", OURS_REPLAY);
        if (snapshot.isEmpty()) {
            return new RecoveryLog("?", -1, -1, -1);
        }
        // It logs no replay line when there was nothing to replay.
        return new RecoveryLog(snapshot.get().group(1), Long.parseLong(snapshot.get().group(2)),
                replay.map(m -> Long.parseLong(m.group(1))).orElse(0L),
                replay.map(m -> Long.parseLong(m.group(2))).orElse(0L));
    }

    private static RecoveryLog apache(ServerProcess server) {
        String snapshot = find(server, "Reading snapshot ", APACHE_SNAPSHOT)
                .map(m -> m.group(1).substring(m.group(1).lastIndexOf('/') + 1)).orElse("?");
        Optional<Matcher> replay = find(server, " txns loaded in ", APACHE_REPLAY);
        long total = find(server, "Snapshot loaded in ", APACHE_TOTAL).map(m -> Long.parseLong(m.group(1))).orElse(-1L);
        long txns = replay.map(m -> Long.parseLong(m.group(1))).orElse(-1L);
        long replayMillis = replay.map(m -> Long.parseLong(m.group(2))).orElse(-1L);
        long snapshotMillis = total < 0 || replayMillis < 0 ? -1 : total - replayMillis;
        return new RecoveryLog(snapshot, snapshotMillis, txns, replayMillis);
    }

    private static Optional<Matcher> find(ServerProcess server, String text, Pattern pattern) {
        return server.firstLineWith(text).map(pattern::matcher).filter(Matcher::find);
    }

    String describe() {
        return String.format(Locale.ROOT, "loaded %s in %s ms, replayed %s txns in %s ms", snapshot,
                known(snapshotMillis), known(txns), known(replayMillis));
    }

    private static String known(long value) {
        return value < 0 ? "?" : Long.toString(value);
    }
}
