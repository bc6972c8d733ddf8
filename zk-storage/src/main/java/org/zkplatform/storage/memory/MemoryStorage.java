package org.zkplatform.storage.memory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.zkplatform.api.storage.EpochStore;
import org.zkplatform.api.storage.LoggedTxn;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.SnapshotStore;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.storage.TxnCursor;
import org.zkplatform.api.storage.TxnLog;

/**
 * Storage in the heap. Thread-safe by a single lock, which is fine for tests. {@link #crash()}
 * drops what was appended but not committed, as a power cut would.
 */
public final class MemoryStorage implements Storage, TxnLog, SnapshotStore, EpochStore {

    private final List<LoggedTxn> log = new ArrayList<>();
    private int committedCount;
    private final TreeMap<Long, byte[]> snapshots = new TreeMap<>();
    private final Map<EpochKind, Long> epochs = new EnumMap<>(EpochKind.class);

    @Override
    public TxnLog txnLog() {
        return this;
    }

    @Override
    public SnapshotStore snapshots() {
        return this;
    }

    @Override
    public EpochStore epochs() {
        return this;
    }

    @Override
    public synchronized void append(long zxid, byte[] txn) throws StorageException {
        long last = lastZxid();
        if (!log.isEmpty() && zxid <= last) {
            throw new StorageException("zxid 0x" + Long.toHexString(zxid) + " does not follow 0x" + Long.toHexString(last));
        }
        log.add(new LoggedTxn(zxid, txn.clone()));
    }

    @Override
    public synchronized void commit() {
        committedCount = log.size();
    }

    @Override
    public synchronized long lastZxid() {
        return log.isEmpty() ? 0 : log.get(log.size() - 1).zxid();
    }

    @Override
    public synchronized TxnCursor readFrom(long fromZxid) {
        List<LoggedTxn> view = log.stream().filter(t -> t.zxid() >= fromZxid).toList();
        return new TxnCursor() {
            private int next;

            @Override
            public LoggedTxn next() {
                if (next >= view.size()) {
                    return null;
                }
                LoggedTxn txn = view.get(next++);
                return new LoggedTxn(txn.zxid(), txn.bytes().clone());
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public synchronized void truncateAfter(long zxid) {
        log.removeIf(t -> t.zxid() > zxid);
        committedCount = Math.min(committedCount, log.size());
    }

    @Override
    public void roll() {
    }

    /** Forgets every txn appended since the last commit, as a crash before fsync would. */
    public synchronized void crash() {
        log.subList(committedCount, log.size()).clear();
    }

    @Override
    public SnapshotWriter create(long zxid) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        return new SnapshotWriter() {
            private boolean done;

            @Override
            public OutputStream stream() {
                return bytes;
            }

            @Override
            public SnapshotInfo commit() {
                done = true;
                byte[] content = bytes.toByteArray();
                synchronized (MemoryStorage.this) {
                    snapshots.put(zxid, content);
                }
                return info(zxid, content);
            }

            @Override
            public void abort() {
                done = true;
            }

            @Override
            public void close() {
                if (!done) {
                    abort();
                }
            }
        };
    }

    @Override
    public synchronized List<SnapshotInfo> list() {
        return snapshots.descendingMap().entrySet().stream().map(e -> info(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized InputStream open(SnapshotInfo snapshot) throws StorageException {
        byte[] content = snapshots.get(snapshot.zxid());
        if (content == null) {
            throw new StorageException("no snapshot " + snapshot.name());
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public synchronized int deleteNewerThan(long zxid) {
        var newer = snapshots.tailMap(zxid, false);
        int deleted = newer.size();
        newer.clear();
        return deleted;
    }

    private static SnapshotInfo info(long zxid, byte[] content) {
        return new SnapshotInfo(zxid, "snapshot." + Long.toHexString(zxid), content.length);
    }

    @Override
    public synchronized OptionalLong read(EpochKind kind) {
        Long value = epochs.get(kind);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    @Override
    public synchronized void write(EpochKind kind, long epoch) {
        epochs.put(kind, epoch);
    }

    @Override
    public synchronized int purge(int retainSnapshots) {
        int deleted = 0;
        while (snapshots.size() > retainSnapshots) {
            snapshots.pollFirstEntry();
            deleted++;
        }
        if (!snapshots.isEmpty()) {
            long oldestKept = snapshots.firstKey();
            // Keep the last txn at or below the snapshot too: replay starts right after it.
            long keepFrom = log.stream().map(LoggedTxn::zxid).filter(z -> z <= oldestKept)
                    .max(Comparator.naturalOrder()).orElse(Long.MIN_VALUE);
            int before = log.size();
            log.removeIf(t -> t.zxid() < keepFrom);
            committedCount -= before - log.size();
        }
        return deleted;
    }

    @Override
    public String describe() {
        return "memory (nothing survives a restart)";
    }

    @Override
    public void close() {
    }
}
