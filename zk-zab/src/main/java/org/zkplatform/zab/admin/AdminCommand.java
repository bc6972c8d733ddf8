package org.zkplatform.zab.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The commands of ZooKeeper's AdminServer that we answer, under its names and aliases (the
 * four-letter words among them), so scripts written against {@code /commands/<name>} carry over.
 */
public enum AdminCommand {
    RUOK(true, "ruok"),
    SERVER_STATS(true, "server_stats", "srvr"),
    STATS(true, "stats", "stat"),
    MONITOR(false, "monitor", "mntr"),
    CONFIGURATION(true, "configuration", "conf", "config"),
    CONNECTIONS(true, "connections", "cons"),
    ENVIRONMENT(false, "environment", "env", "envi"),
    WATCH_SUMMARY(true, "watch_summary", "wchs"),
    WATCHES(true, "watches", "wchc"),
    WATCHES_BY_PATH(true, "watches_by_path", "wchp"),
    DUMP(true, "dump"),
    DIRS(true, "dirs"),
    IS_READ_ONLY(true, "is_read_only", "isro"),
    CONNECTION_STAT_RESET(true, "connection_stat_reset", "crst"),
    STAT_RESET(true, "stat_reset", "srst"),
    LEADER(true, "leader", "lead"),
    VOTING_VIEW(true, "voting_view"),
    LAST_SNAPSHOT(true, "last_snapshot", "lsnp");

    private final boolean needsServing;
    private final List<String> names;

    AdminCommand(boolean needsServing, String... names) {
        this.needsServing = needsServing;
        this.names = List.of(names);
    }

    /** The name ZooKeeper reports in a response's {@code command} field. */
    public String primaryName() {
        return names.get(0);
    }

    /** Every name it answers to, the primary one first. */
    public List<String> names() {
        return names;
    }

    /**
     * Whether it needs a server that serves clients; ZooKeeper answers the others (environment,
     * monitor) in any state.
     */
    public boolean needsServing() {
        return needsServing;
    }

    public static Optional<AdminCommand> named(String name) {
        return Arrays.stream(values()).filter(c -> c.names.contains(name)).findFirst();
    }
}
