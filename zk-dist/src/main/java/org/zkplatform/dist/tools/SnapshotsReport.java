package org.zkplatform.dist.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.storage.SnapshotInfo;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.zab.persistence.SnapshotException;
import org.zkplatform.zab.persistence.SnapshotFormat;

/**
 * The snapshot part of {@code zk-tool check}: every snapshot of a storage, newest first (the order
 * the server tries them in), read whole and judged as the server's loader judges it. Works on
 * any storage, through the SPI.
 */
final class SnapshotsReport {

    private SnapshotsReport() {
    }

    /**
     * Prints one line per snapshot.
     *
     * @return whether any snapshot is damaged
     * @throws StorageException if the snapshots cannot be listed
     */
    static boolean print(Storage storage, int maxFieldBytes, PrintStream out) throws StorageException {
        List<SnapshotInfo> snapshots = storage.snapshots().list();
        if (snapshots.isEmpty()) {
            out.println("snapshots: none");
        }
        boolean damaged = false;
        for (SnapshotInfo snapshot : snapshots) {
            Finding finding = verdict(storage, snapshot, maxFieldBytes);
            damaged |= finding.damaged();
            out.println("snapshot " + snapshot.name() + ": zxid " + Zxid.toHex(snapshot.zxid()) + ", " + snapshot.sizeBytes()
                    + " bytes, " + finding.text());
        }
        return damaged;
    }

    private static Finding verdict(Storage storage, SnapshotInfo snapshot, int maxFieldBytes) {
        try (InputStream in = storage.snapshots().open(snapshot)) {
            SnapshotFormat.verify(in, maxFieldBytes);
            return Finding.sound("intact");
        } catch (SnapshotException e) {
            return Finding.damage("damaged: " + e.getMessage());
        } catch (StorageException | IOException e) {
            return Finding.damage("unreadable: " + e.getMessage());
        }
    }
}
