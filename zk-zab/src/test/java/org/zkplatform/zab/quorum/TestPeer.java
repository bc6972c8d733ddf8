package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.zkplatform.api.ServerId;
import org.zkplatform.api.Zxid;
import org.zkplatform.api.election.LearnerType;
import org.zkplatform.api.election.QuorumServer;
import org.zkplatform.api.storage.StorageException;
import org.zkplatform.api.time.Clock;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.storage.memory.MemoryStorage;
import org.zkplatform.zab.metrics.ServerMetrics;
import org.zkplatform.zab.persistence.DatabaseLoader;
import org.zkplatform.zab.persistence.Snapshotter;
import org.zkplatform.zab.request.Transaction;
import org.zkplatform.zab.server.CoreEvent;
import org.zkplatform.zab.server.CoreSettings;
import org.zkplatform.zab.server.TxnLogWriter;
import org.zkplatform.zab.tree.TreeListener;

/**
 * One peer's context for driving a role by hand: in-memory storage, a clock the test moves, no
 * network (listening succeeds, connecting never does), and the events the log thread posts kept
 * aside so the test decides when durability is reported.
 */
final class TestPeer implements AutoCloseable {

    static final int TICK_MS = 100;
    static final int INIT_LIMIT_TICKS = 10;
    static final int SYNC_LIMIT_TICKS = 5;

    /** A clock that moves only when told. */
    static final class ManualClock implements Clock {
        private long nanos = 1_000_000_000L;

        @Override
        public long currentTimeMillis() {
            return 1_700_000_000_000L + nanos / 1_000_000L;
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        void advanceMillis(long millis) {
            nanos += millis * 1_000_000L;
        }
    }

    /** Listens nowhere and connects nowhere. */
    private static final class NoNetwork implements Transport {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public Listener listen(InetSocketAddress address, ConnectionHandler handler) {
            return new Listener() {
                @Override
                public InetSocketAddress localAddress() {
                    return address;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public CompletionStage<Connection> connect(InetSocketAddress address, Duration timeout,
                                                   ConnectionHandler handler) {
            return CompletableFuture.failedFuture(new TransportException("no network in this test"));
        }

        @Override
        public void close() {
        }
    }

    final ManualClock clock = new ManualClock();
    final MemoryStorage storage;
    final ConcurrentLinkedQueue<CoreEvent> posted = new ConcurrentLinkedQueue<>();
    final TxnLogWriter log;
    final Snapshotter snapshotter;
    final PeerContext ctx;
    final ServerMetrics metrics = new ServerMetrics();

    /** Server {@code myId} of participants 1..{@code participants} and observers after them. */
    TestPeer(long myId, int participants, int observers) throws StorageException {
        this(myId, participants, observers, new MemoryStorage());
    }

    /** The same, starting from what {@code storage} holds, as a restarted server does. */
    TestPeer(long myId, int participants, int observers, MemoryStorage storage) throws StorageException {
        this.storage = storage;
        List<QuorumServer> servers = new ArrayList<>();
        for (int id = 1; id <= participants + observers; id++) {
            servers.add(new QuorumServer(new ServerId(id), new InetSocketAddress("127.0.0.1", 2000 + id),
                    new InetSocketAddress("127.0.0.1", 3000 + id),
                    id > participants ? LearnerType.OBSERVER : LearnerType.PARTICIPANT, 1, 0, Optional.empty()));
        }
        CoreSettings settings = new CoreSettings(myId, TICK_MS, 2 * TICK_MS, 20 * TICK_MS, Set.of("*"), 1000,
                Duration.ofSeconds(10), Duration.ofMinutes(1), List::of);
        log = new TxnLogWriter(storage, posted::add, 100_000, () -> { }, new Random(1), metrics);
        PeerContext[] self = new PeerContext[1];
        snapshotter = new Snapshotter(() -> self[0].tree, storage, 3, metrics);
        ctx = new PeerContext(myId, servers, storage, log, snapshotter,
                new TransportLinks(new NoNetwork(), 1 << 20, posted::add), settings, Map.of(), clock, INIT_LIMIT_TICKS,
                SYNC_LIMIT_TICKS, false, 1 << 20, false, posted::add,
                DatabaseLoader.load(storage, 1 << 20), new CommittedLog(CommittedLog.DEFAULT_CAPACITY), metrics);
        self[0] = ctx;
        log.start();
        snapshotter.snapshotNow();
    }

    /** Logs and applies {@code txns} as if they had been committed before the test began. */
    void history(List<Transaction> txns) throws PhaseFailed, StorageException {
        for (Transaction txn : txns) {
            log.submit(txn);
            ctx.tree.apply(txn.header(), txn.record(), TreeListener.NONE);
            ctx.committed.add(txn);
        }
        ctx.runOnLog("wait for the history", () -> { });
        long epoch = Zxid.epochOf(ctx.tree.lastProcessedZxid());
        if (epoch > ctx.currentEpoch()) {
            ctx.setAcceptedEpoch(epoch);
            ctx.setCurrentEpoch(epoch);
        }
    }

    @Override
    public void close() {
        log.close();
        snapshotter.close();
    }
}
