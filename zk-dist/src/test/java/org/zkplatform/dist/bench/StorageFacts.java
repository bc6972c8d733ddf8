package org.zkplatform.dist.bench;

/**
 * How a server stores data, to back the fsync claim of a run. Ours is taken from its own start-up
 * lines rather than from what the benchmark asked for; Apache logs nothing about it, so its entry
 * is what its zoo.cfg says.
 *
 * @param storage its storage, e.g. {@code memory (nothing survives a restart)} or {@code file /data}
 * @param fsync whether it fsyncs a transaction log (false for no log at all)
 */
record StorageFacts(String storage, boolean fsync) {

    private static final String STORAGE = "storage: ";

    /** For zkplatform, from its start-up lines: the storage it serves with and its effective configuration. */
    static StorageFacts of(ServerProcess server) {
        if (server.kind() == ServerKind.APACHE) {
            boolean fsync = server.zooCfg().contains("forceSync=yes");
            return new StorageFacts("txn log and snapshots in dataDir, forceSync=" + (fsync ? "yes" : "no"), fsync);
        }
        String storage = server.firstLineWith(STORAGE)
                .map(line -> line.substring(line.indexOf(STORAGE) + STORAGE.length()).split(", ")[0])
                .orElse("(not logged)");
        boolean fsync = !storage.startsWith("memory")
                && server.firstLineWith("Configuration: ").map(line -> line.contains("\"fsync\":true")).orElse(false);
        return new StorageFacts(storage, fsync);
    }

    String describe() {
        return "storage " + storage + (storage.startsWith("memory") ? ", no transaction log" : "")
                + (fsync ? ", fsync ON" : ", fsync off");
    }

    /** The line saying whether both servers ran with the fsync setting asked for. */
    static String verdict(boolean asked, StorageFacts apache, StorageFacts ours) {
        boolean fair = apache.fsync() == asked && ours.fsync() == asked;
        return "fsync: " + (fair ? (asked ? "ON" : "OFF") + " on both sides" : "NOT like for like (asked for "
                + (asked ? "on" : "off") + ")") + " (apache " + apache.describe() + "; zkplatform " + ours.describe() + ")";
    }
}
