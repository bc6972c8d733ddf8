package org.zkplatform.sim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
 * The storage SPI over a {@link SimDisk}, kept to the SPI's durability contract: appends are
 * durable only after {@link TxnLog#commit()}; snapshots, epochs and truncation are durable when
 * the call returns.
 */
public class SimStorage implements Storage, TxnLog, SnapshotStore, EpochStore {

    protected final SimDisk disk;
    private final int life;

    SimStorage(SimDisk disk) {
        this.disk = disk;
        this.life = disk.life();
    }

    /** The server that opened this storage died: the rest of its last task must not touch the disk. */
    protected void alive() throws StorageException {
        if (disk.life() != life) {
            throw new StorageException(describe() + ": the server that opened it is dead");
        }
    }

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
    public int purge(int retainSnapshots) {
        int deleted = 0;
        // Bounded by the number of snapshots.
        while (disk.snapshots.size() > Math.max(1, retainSnapshots)) {
            disk.snapshots.pollFirstEntry();
            deleted++;
        }
        return deleted;
    }

    @Override
    public String describe() {
        return "simulated disk of server " + disk.server;
    }

    @Override
    public void close() {
    }

    // ------------------------------------------------------------------ txn log

    @Override
    public void append(long zxid, byte[] txn) throws StorageException {
        alive();
        if (!disk.log.isEmpty() && zxid <= lastZxid()) {
            throw new StorageException("zxid 0x" + Long.toHexString(zxid) + " does not follow 0x"
                    + Long.toHexString(lastZxid()) + " in " + describe());
        }
        disk.append(zxid, txn);
    }

    @Override
    public void commit() throws StorageException {
        alive();
        disk.fsync();
        alive();
    }

    @Override
    public long lastZxid() {
        return disk.log.isEmpty() ? 0 : disk.log.get(disk.log.size() - 1).zxid();
    }

    @Override
    public TxnCursor readFrom(long fromZxid) {
        List<SimDisk.Entry> copy = new ArrayList<>();
        for (SimDisk.Entry entry : disk.log) {
            if (entry.zxid() >= fromZxid) {
                copy.add(entry);
            }
        }
        Iterator<SimDisk.Entry> entries = copy.iterator();
        return new TxnCursor() {
            @Override
            public LoggedTxn next() {
                if (!entries.hasNext()) {
                    return null;
                }
                SimDisk.Entry entry = entries.next();
                return new LoggedTxn(entry.zxid(), entry.bytes().clone());
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void truncateAfter(long zxid) throws StorageException {
        alive();
        // Bounded by the log's length.
        while (!disk.log.isEmpty() && disk.log.get(disk.log.size() - 1).zxid() > zxid) {
            disk.log.remove(disk.log.size() - 1);
        }
        disk.durable = Math.min(disk.durable, disk.log.size());
        disk.fsync();
    }

    @Override
    public void roll() {
    }

    // ------------------------------------------------------------------ snapshots

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
            public SnapshotInfo commit() throws StorageException {
                alive();
                done = true;
                byte[] content = bytes.toByteArray();
                disk.snapshots.put(zxid, content);
                return info(zxid, content);
            }

            @Override
            public void abort() {
                done = true;
            }
        };
    }

    private static SnapshotInfo info(long zxid, byte[] content) {
        return new SnapshotInfo(zxid, "snapshot." + Long.toHexString(zxid), content.length);
    }

    @Override
    public List<SnapshotInfo> list() {
        List<SnapshotInfo> newestFirst = new ArrayList<>();
        for (Map.Entry<Long, byte[]> entry : disk.snapshots.descendingMap().entrySet()) {
            newestFirst.add(info(entry.getKey(), entry.getValue()));
        }
        return newestFirst;
    }

    @Override
    public InputStream open(SnapshotInfo snapshot) throws StorageException {
        byte[] content = disk.snapshots.get(snapshot.zxid());
        if (content == null) {
            throw new StorageException(snapshot.name() + " is gone from " + describe());
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public int deleteNewerThan(long zxid) throws StorageException {
        alive();
        int before = disk.snapshots.size();
        disk.snapshots.tailMap(zxid, false).clear();
        return before - disk.snapshots.size();
    }

    // ------------------------------------------------------------------ epochs

    @Override
    public OptionalLong read(EpochKind kind) {
        Long value = disk.epochs.get(kind);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    @Override
    public void write(EpochKind kind, long epoch) throws StorageException {
        alive();
        disk.writeEpoch(kind, epoch);
    }
}
