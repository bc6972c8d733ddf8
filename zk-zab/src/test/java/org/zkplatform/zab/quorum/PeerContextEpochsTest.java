package org.zkplatform.zab.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zkplatform.api.storage.EpochStore.EpochKind;
import org.zkplatform.api.storage.SnapshotWriter;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.storage.memory.MemoryStorage;
import org.zkplatform.zab.persistence.SnapshotFormat;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.tree.DataTree;

/** The epochs a server starts with, from what its storage holds. */
class PeerContextEpochsTest {

    /** A learner's disk after it made its sync with the leader of epoch 2 durable and stopped before recording the epoch. */
    private static MemoryStorage stoppedInsideNewLeader(long acceptedEpoch) throws Exception {
        MemoryStorage storage = new MemoryStorage();
        SnapshotWriter empty = storage.snapshots().create(0);
        SnapshotFormat.write(new DataTree(), empty.stream());
        empty.commit();
        for (Transaction txn : Txns.creates(1, 1, 3)) {
            storage.append(txn.zxid(), txn.encode());
        }
        for (Transaction txn : Txns.creates(2, 1, 2)) {
            storage.append(txn.zxid(), txn.encode());
        }
        storage.commit();
        storage.epochs().write(EpochKind.CURRENT, 1);
        storage.epochs().write(EpochKind.ACCEPTED, acceptedEpoch);
        return storage;
    }

    @Test
    void aLearnerStoppedBetweenMakingItsSyncDurableAndRecordingTheEpochRestartsInThatEpoch() throws Exception {
        // Found by the ensemble simulation (org.zkplatform.sim): such a server refused to start, for ever.
        try (TestPeer peer = new TestPeer(2, 3, 0, stoppedInsideNewLeader(2))) {
            assertEquals(2, peer.ctx.currentEpoch());
            assertEquals(2, peer.ctx.acceptedEpoch());
            assertEquals(2, peer.storage.epochs().read(EpochKind.CURRENT).getAsLong(), "recorded for the next start");
        }
    }

    @Test
    void aLogAheadOfEveryEpochTheServerAcceptedIsRefused() throws Exception {
        StorageException refused = assertThrows(StorageException.class,
                () -> new TestPeer(2, 3, 0, stoppedInsideNewLeader(1)));
        assertTrue(refused.getMessage().contains("currentEpoch 1 is older than the epoch 2"), refused.getMessage());
    }
}
