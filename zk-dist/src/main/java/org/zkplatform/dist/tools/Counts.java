package org.zkplatform.dist.tools;

/** "1 txn", "2 txns": reports read as sentences. */
final class Counts {

    private Counts() {
    }

    static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
