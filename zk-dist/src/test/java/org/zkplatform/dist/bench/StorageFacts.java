package org.zkplatform.dist.bench;

/**
 * How a server stores data, to back the "fsync off on both sides" claim. Ours is taken from its
 * own start-up lines rather than from what the benchmark asked for; Apache logs nothing about it,
 * so its entry is what its zoo.cfg says.
 *
 * @param storage its storage, e.g. {@code memory (nothing survives a restart)} or {@code file /data}
 * @param fsyncOff whether it writes no transaction log or writes one without fsync
 */
record StorageFacts(String storage, boolean fsyncOff) {

    private static final String STORAGE = "storage: ";

    /** For zkplatform, from its start-up lines: the storage it serves with and its effective configuration. */
    static StorageFacts of(ServerProcess server) {
        if (server.kind() == ServerKind.APACHE) {
            return new StorageFacts("txn log and snapshots in dataDir, forceSync=no", true);
        }
        String storage = server.firstLineWith(STORAGE)
                .map(line -> line.substring(line.indexOf(STORAGE) + STORAGE.length()).split(", ")[0])
                .orElse("(not logged)");
        boolean fsyncOff = storage.startsWith("memory")
                || server.firstLineWith("Configuration: ").map(line -> line.contains("\"fsync\":false")).orElse(false);
        return new StorageFacts(storage, fsyncOff);
    }

    String describe() {
        return "storage " + storage + (storage.startsWith("memory") ? ", no transaction log" : "")
                + (fsyncOff ? ", fsync off" : ", fsync ON");
    }
}
