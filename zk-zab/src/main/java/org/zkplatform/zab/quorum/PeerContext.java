package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.election.QuorumVerifier;
import org.zkplatform.api.storage.EpochStore.EpochKind;
import org.zkplatform.api.storage.Storage;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.persistence.Snapshotter;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.server.CoreSettings;
import org.zkplatform.zab.server.TxnLogWriter;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.tree.DataTree;
import org.zkplatform.zab.tree.TreeListener;

/**
 * What every role of a quorum peer shares: who it is, the ensemble, its storage and log, the tree
 * it holds now, and its epochs. Driver thread only, except the volatile fields election reads.
 */
final class PeerContext {

    private static final Logger LOG = LoggerFactory.getLogger(PeerContext.class);

    final long myId;
    final List<QuorumServer> servers;
    final QuorumVerifier quorum;
    final Storage storage;
    final TxnLogWriter log;
    final Snapshotter snapshotter;
    final QuorumLinks links;
    final CoreSettings coreSettings;
    final Map<String, Authenticator> authenticators;
    final Clock clock;
    final int tickMillis;
    final int initLimitMillis;
    final int syncLimitMillis;
    private final boolean listenOnAllIps;
    final int maxFieldBytes;
    final boolean extendedTypes;
    final Consumer<CoreEvent> driver;
    final CommittedLog committed;
    /** The server's lifelong figures, which every role adds to. */
    final ServerMetrics metrics;
    /** The tree as this peer has it now; replaced by a SNAP or TRUNC sync. */
    volatile DataTree tree;
    private volatile long currentEpoch;
    private volatile long acceptedEpoch;

    PeerContext(long myId, List<QuorumServer> servers, Storage storage, TxnLogWriter log, Snapshotter snapshotter,
                QuorumLinks links, CoreSettings coreSettings, Map<String, Authenticator> authenticators,
                Clock clock, int initLimitTicks, int syncLimitTicks, boolean listenOnAllIps, int maxFieldBytes, boolean extendedTypes,
                Consumer<CoreEvent> driver, DataTree tree, CommittedLog committed, ServerMetrics metrics)
            throws StorageException {
        this.myId = myId;
        this.servers = List.copyOf(servers);
        this.quorum = QuorumVerifier.of(servers);
        this.storage = storage;
        this.log = log;
        this.snapshotter = snapshotter;
        this.links = links;
        this.coreSettings = coreSettings;
        this.authenticators = authenticators;
        this.clock = clock;
        this.tickMillis = coreSettings.tickTimeMillis();
        this.initLimitMillis = initLimitTicks * tickMillis;
        this.syncLimitMillis = syncLimitTicks * tickMillis;
        this.listenOnAllIps = listenOnAllIps;
        this.maxFieldBytes = maxFieldBytes;
        this.extendedTypes = extendedTypes;
        this.driver = driver;
        this.tree = tree;
        this.committed = committed;
        this.metrics = metrics;
        loadEpochs();
    }

    /**
     * ZooKeeper's startup rules: missing epochs come from the last zxid; accepted never below current.
     *
     * <p>One exception to "current never below the last zxid's epoch": a learner makes the txns of
     * its sync with a new leader durable before it records that leader's epoch as current (so that
     * it never claims an epoch whose history it does not hold on disk), and may stop in between. Its
     * log then ends in an epoch it accepted but never recorded as current. ZooKeeper marks that
     * window with an {@code updatingEpoch} file; here the accepted epoch tells it: only a leader of
     * an epoch this server accepted can have sent it txns of that epoch. The epoch of its last zxid
     * is then its current epoch.
     */
    private void loadEpochs() throws StorageException {
        long lastEpoch = Zxid.epochOf(tree.lastProcessedZxid());
        OptionalLong current = storage.epochs().read(EpochKind.CURRENT);
        OptionalLong accepted = storage.epochs().read(EpochKind.ACCEPTED);
        if (current.isEmpty()) {
            storage.epochs().write(EpochKind.CURRENT, lastEpoch);
        } else if (current.getAsLong() < lastEpoch) {
            if (accepted.isEmpty() || accepted.getAsLong() < lastEpoch) {
                throw new StorageException("currentEpoch " + current.getAsLong() + " is older than the epoch " + lastEpoch
                        + " of the last logged zxid in " + storage.describe());
            }
            LOG.warn("currentEpoch {} is older than the epoch {} of the last logged zxid, an epoch this server accepted: "
                    + "it stopped in the middle of a sync with that epoch's leader, after making the leader's txns "
                    + "durable; taking {} as the current epoch", current.getAsLong(), lastEpoch, lastEpoch);
            storage.epochs().write(EpochKind.CURRENT, lastEpoch);
            current = OptionalLong.of(lastEpoch);
        }
        currentEpoch = current.orElse(lastEpoch);
        if (accepted.isEmpty()) {
            storage.epochs().write(EpochKind.ACCEPTED, currentEpoch);
        } else if (accepted.getAsLong() < currentEpoch) {
            throw new StorageException("acceptedEpoch " + accepted.getAsLong() + " is below currentEpoch " + currentEpoch
                    + " in " + storage.describe());
        }
        acceptedEpoch = accepted.orElse(currentEpoch);
    }

    long currentEpoch() {
        return currentEpoch;
    }

    long acceptedEpoch() {
        return acceptedEpoch;
    }

    void setCurrentEpoch(long epoch) throws StorageException {
        storage.epochs().write(EpochKind.CURRENT, epoch);
        currentEpoch = epoch;
    }

    void setAcceptedEpoch(long epoch) throws StorageException {
        storage.epochs().write(EpochKind.ACCEPTED, epoch);
        acceptedEpoch = epoch;
    }

    /** A change to storage that must wait for the txns queued before it and not race appends. */
    interface StorageAction extends TxnLogWriter.LogAction {
    }

    /** Makes every txn queued so far durable, then runs {@code action}, with appends held off; on the driver thread. */
    void runOnLog(String what, StorageAction action) throws PhaseFailed {
        try {
            log.runNow(action);
        } catch (StorageException | RuntimeException e) {
            throw new PhaseFailed("cannot " + what + ": " + e.getMessage());
        }
    }

    /**
     * Applies txns this server logged but never saw committed (ZooKeeper's fastForwardDataBase):
     * they are in its log, so the next election must count them, and a new leader commits them.
     */
    void fastForward(Iterable<Transaction> logged) throws PhaseFailed {
        runOnLog("wait for the txn log", () -> { });
        for (Transaction txn : logged) {
            if (txn.zxid() > tree.lastProcessedZxid()) {
                tree.apply(txn.header(), txn.record(), TreeListener.NONE);
                committed.add(txn);
            }
        }
    }

    QuorumServer server(long id) {
        for (QuorumServer server : servers) {
            if (server.id().value() == id) {
                return server;
            }
        }
        throw new IllegalArgumentException("server " + id + " is not in the ensemble");
    }

    /** Where server {@code id} takes quorum connections, resolved now (a host's address may have changed). */
    InetSocketAddress quorumAddress(long id) {
        InetSocketAddress configured = server(id).quorumAddress();
        return new InetSocketAddress(configured.getHostString(), configured.getPort());
    }

    /** Where this server, leading, listens for learners: its quorum address, or the wildcard on that port. */
    InetSocketAddress quorumListenAddress() {
        InetSocketAddress own = quorumAddress(myId);
        return listenOnAllIps ? new InetSocketAddress(own.getPort()) : own;
    }

    boolean isObserver(long id) {
        return quorum.observers().contains(id);
    }
}
