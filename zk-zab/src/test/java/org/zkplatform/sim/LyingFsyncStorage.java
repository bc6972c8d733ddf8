package org.zkplatform.sim;

/**
 * A faulty storage, for {@link InjectedBugTest}: its txn log reports every commit as durable at
 * once and never fsyncs, as a disk with a lying write cache (or a storage provider with a bug)
 * would. A crash then loses txns the server acknowledged.
 */
final class LyingFsyncStorage extends SimStorage {

    LyingFsyncStorage(SimDisk disk) {
        super(disk);
    }

    @Override
    public void commit() {
    }
}
