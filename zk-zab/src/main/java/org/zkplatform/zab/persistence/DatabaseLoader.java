package org.zkplatform.zab.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCursor;
import org.zkplatform.zab.proto.JuteException;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.TreeListener;
import org.zkplatform.zab.tree.TxnRecords;

/**
 * Rebuilds the tree at startup: the newest snapshot that reads back whole (an older one if the
 * newest is damaged), then every logged txn after it. Refuses to start rather than serve a state
 * it cannot vouch for: a log without any snapshot, or no usable snapshot at all.
 */
public final class DatabaseLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLoader.class);
    /** ZooKeeper tries at most this many snapshots. */
    private static final int MAX_SNAPSHOTS_TRIED = 100;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private DatabaseLoader() {
    }

    /** Loads the tree from {@code storage}; an empty storage gives an empty tree. */
    public static DataTree load(Storage storage, int maxFieldBytes) throws StorageException {
        return load(storage, maxFieldBytes, Long.MAX_VALUE, txn -> { });
    }

    /**
     * Loads the tree from snapshots no newer than {@code maxZxid} (a learner that cut its log back
     * must not start from a snapshot of the abandoned branch), telling {@code replayed} of each txn
     * applied from the log.
     */
    public static DataTree load(Storage storage, int maxFieldBytes, long maxZxid,
                                java.util.function.Consumer<Transaction> replayed) throws StorageException {
        List<SnapshotInfo> snapshots = storage.snapshots().list().stream()
                .filter(s -> s.zxid() <= maxZxid).toList();
        DataTree tree = null;
        int tried = 0;
        for (SnapshotInfo snapshot : snapshots) {
            if (tried++ == MAX_SNAPSHOTS_TRIED) {
                break;
            }
            tree = readSnapshot(storage, snapshot, maxFieldBytes);
            if (tree != null) {
                break;
            }
        }
        if (tree == null) {
            if (!snapshots.isEmpty()) {
                throw new StorageException("none of the " + snapshots.size() + " snapshots in " + storage.describe()
                        + " is usable; refusing to start from the log alone");
            }
            if (storage.txnLog().lastZxid() != 0) {
                throw new StorageException("the txn log in " + storage.describe() + " has txns but there is no "
                        + "snapshot; refusing to guess the state they apply to");
            }
            tree = new DataTree();
        }
        replay(storage, tree, replayed);
        return tree;
    }

    private static DataTree readSnapshot(Storage storage, SnapshotInfo snapshot, int maxFieldBytes)
            throws StorageException {
        long start = System.nanoTime();
        DataTree tree = new DataTree();
        try (InputStream in = storage.snapshots().open(snapshot)) {
            // Bytes as read, decompressed: for a compressed snapshot they outrun its stored size.
            SnapshotFormat.read(in, maxFieldBytes, tree,
                    Progress.of(LOG, "Loading snapshot " + snapshot.name(), snapshot.sizeBytes(), "bytes"));
        } catch (SnapshotException e) {
            LOG.warn("Snapshot {} is unusable ({}); trying an older one", snapshot.name(), e.getMessage());
            return null;
        } catch (IOException e) {
            throw new StorageException("cannot read snapshot " + snapshot.name() + ": " + e.getMessage(), e);
        }
        tree.setLastProcessedZxid(snapshot.zxid());
        LOG.info("Loaded snapshot {} ({} nodes, {} sessions, {} bytes) in {} ms", snapshot.name(), tree.nodeCount(),
                tree.sessions().size(), snapshot.sizeBytes(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return tree;
    }

    /** Applies every logged txn after the snapshot; those the fuzzy snapshot already holds are harmless. */
    private static void replay(Storage storage, DataTree tree, java.util.function.Consumer<Transaction> replayed)
            throws StorageException {
        long from = tree.lastProcessedZxid() + 1;
        long start = System.nanoTime();
        long lastReport = start;
        long count = 0;
        long first = -1;
        try (TxnCursor cursor = storage.txnLog().readFrom(from)) {
            for (LoggedTxn logged = cursor.next(); logged != null; logged = cursor.next()) {
                JuteInput in = new JuteInput(logged.bytes());
                TxnHeader header = TxnHeader.read(in);
                org.zkplatform.zab.proto.JuteRecord record = TxnRecords.read(header.type(), in);
                tree.apply(header, record, TreeListener.NONE);
                replayed.accept(new Transaction(header, record));
                if (first < 0) {
                    first = header.zxid();
                }
                count++;
                long now = System.nanoTime();
                if (now - lastReport > PROGRESS_EVERY_NANOS) {
                    lastReport = now;
                    LOG.info("Replaying the txn log: {} txns so far, at zxid {}", count, Zxid.toHex(header.zxid()));
                }
            }
        } catch (JuteException e) {
            throw new StorageException("a txn in the log of " + storage.describe() + " does not decode: "
                    + e.getMessage(), e);
        }
        if (count > 0) {
            LOG.info("Replayed {} txns ({} to {}) in {} ms", count, Zxid.toHex(first), Zxid.toHex(tree.lastProcessedZxid()),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }
}
