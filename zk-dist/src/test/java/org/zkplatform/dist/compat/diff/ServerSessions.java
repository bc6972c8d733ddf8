package org.zkplatform.dist.compat.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * The executor for one server: its sessions, driven through the real Apache ZooKeeper client's
 * synchronous API, one op at a time. After each op a sync on every session acts as a barrier, so
 * the step holds every event the op caused: the server queues a notification before the reply to
 * any later request of that session, and the client hands an async callback to its event thread
 * behind the events that arrived before it.
 *
 * <p>Anything that is not an answer of a working server (no session, no reply to the barrier)
 * is thrown as {@link IllegalStateException}; every wait is bounded by {@link #WAIT}.
 */
final class ServerSessions implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final String connectString;
    private final Normalizer normalizer;
    private final Session[] slots = new Session[OpGenerator.SLOTS];
    private int sessionsOpened;

    ServerSessions(String connectString, Normalizer normalizer) {
        this.connectString = connectString;
        this.normalizer = normalizer;
    }

    /** Runs {@code op}, waits for the barrier, and returns the normalized result and events. */
    Step apply(Op op) throws InterruptedException {
        Result result = execute(op);
        barrier();
        return new Step(result, drainEvents());
    }

    private Result execute(Op op) throws InterruptedException {
        if (op instanceof Op.Connect) {
            return connect((Op.Connect) op);
        }
        try {
            return call(slots[op.slot()], op);
        } catch (KeeperException e) {
            return e.getResults() == null ? new Result.Failed(e.code()) : multi(e.getResults());
        } catch (IllegalArgumentException e) {
            return new Result.Rejected(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Result call(Session session, Op op) throws KeeperException, InterruptedException {
        ZooKeeper zk = session.zk;
        Stat stat = new Stat();
        if (op instanceof Op.Create) {
            Op.Create c = (Op.Create) op;
            if (c.withStat()) {
                String path = zk.create(c.path(), bytes(c.data()), c.acl().acl(), c.mode(), stat, c.ttl());
                return new Result.Created(path, normalizer.stat(stat));
            }
            return new Result.Created(zk.create(c.path(), bytes(c.data()), c.acl().acl(), c.mode()), null);
        } else if (op instanceof Op.Delete) {
            Op.Delete d = (Op.Delete) op;
            zk.delete(d.path(), d.version());
            return new Result.Done();
        } else if (op instanceof Op.SetData) {
            Op.SetData s = (Op.SetData) op;
            return new Result.StatOf(normalizer.stat(zk.setData(s.path(), bytes(s.data()), s.version())));
        } else if (op instanceof Op.Exists) {
            Op.Exists e = (Op.Exists) op;
            return new Result.StatOf(normalizer.stat(zk.exists(e.path(), e.watch())));
        } else if (op instanceof Op.GetData) {
            Op.GetData g = (Op.GetData) op;
            byte[] data = zk.getData(g.path(), g.watch(), stat);
            return new Result.Data(hex(data), normalizer.stat(stat));
        } else if (op instanceof Op.GetChildren) {
            Op.GetChildren g = (Op.GetChildren) op;
            if (g.withStat()) {
                List<String> children = zk.getChildren(g.path(), g.watch(), stat);
                return new Result.Children(sorted(children), normalizer.stat(stat));
            }
            return new Result.Children(sorted(zk.getChildren(g.path(), g.watch())), null);
        } else if (op instanceof Op.GetAcl) {
            List<ACL> acl = zk.getACL(((Op.GetAcl) op).path(), stat);
            return new Result.Acl(acl.stream().map(a -> a.getPerms() + ":" + a.getId().getScheme() + ":" + a.getId().getId())
                    .toList(), normalizer.stat(stat));
        } else if (op instanceof Op.SetAcl) {
            Op.SetAcl s = (Op.SetAcl) op;
            return new Result.StatOf(normalizer.stat(zk.setACL(s.path(), s.acl().acl(), s.version())));
        } else if (op instanceof Op.GetAllChildrenNumber) {
            return new Result.Count(zk.getAllChildrenNumber(((Op.GetAllChildrenNumber) op).path()));
        } else if (op instanceof Op.GetEphemerals) {
            return new Result.Names(sorted(zk.getEphemerals(((Op.GetEphemerals) op).prefix())));
        } else if (op instanceof Op.Sync) {
            zk.sync(((Op.Sync) op).path());
            return new Result.Done();
        } else if (op instanceof Op.Multi) {
            return multi(zk.multi(((Op.Multi) op).writes().stream().map(ServerSessions::clientOp).toList()));
        } else if (op instanceof Op.MultiRead) {
            return multi(zk.multi(((Op.MultiRead) op).reads().stream()
                    .map(r -> r.children() ? org.apache.zookeeper.Op.getChildren(r.path()) : org.apache.zookeeper.Op.getData(r.path()))
                    .toList()));
        } else if (op instanceof Op.AddWatch) {
            Op.AddWatch a = (Op.AddWatch) op;
            zk.addWatch(a.path(), a.mode());
            return new Result.Done();
        } else if (op instanceof Op.RemoveWatches) {
            Op.RemoveWatches r = (Op.RemoveWatches) op;
            if (r.all()) {
                zk.removeAllWatches(r.path(), r.type(), false);
            } else {
                zk.removeWatches(r.path(), session, r.type(), false);
            }
            return new Result.Done();
        } else if (op instanceof Op.AddAuth) {
            zk.addAuthInfo("digest", AclChoice.credentials(((Op.AddAuth) op).user()).getBytes(StandardCharsets.UTF_8));
            return new Result.Done();
        } else if (op instanceof Op.WhoAmI) {
            return new Result.Names(zk.whoAmI().stream().map(c -> c.getAuthScheme() + ":" + c.getUser()).toList());
        }
        throw new IllegalArgumentException("unknown op " + op);
    }

    private static org.apache.zookeeper.Op clientOp(Op.Write write) {
        if (write instanceof Op.CreateIn) {
            Op.CreateIn c = (Op.CreateIn) write;
            return org.apache.zookeeper.Op.create(c.path(), bytes(c.data()), c.acl().acl(), c.mode());
        } else if (write instanceof Op.DeleteIn) {
            Op.DeleteIn d = (Op.DeleteIn) write;
            return org.apache.zookeeper.Op.delete(d.path(), d.version());
        } else if (write instanceof Op.SetDataIn) {
            Op.SetDataIn s = (Op.SetDataIn) write;
            return org.apache.zookeeper.Op.setData(s.path(), bytes(s.data()), s.version());
        }
        Op.CheckIn c = (Op.CheckIn) write;
        return org.apache.zookeeper.Op.check(c.path(), c.version());
    }

    private Result multi(List<OpResult> results) {
        List<Result> normalized = new ArrayList<>();
        for (OpResult r : results) {
            if (r instanceof OpResult.CreateResult) {
                OpResult.CreateResult c = (OpResult.CreateResult) r;
                normalized.add(new Result.Created(c.getPath(), normalizer.stat(c.getStat())));
            } else if (r instanceof OpResult.SetDataResult) {
                normalized.add(new Result.StatOf(normalizer.stat(((OpResult.SetDataResult) r).getStat())));
            } else if (r instanceof OpResult.GetDataResult) {
                OpResult.GetDataResult g = (OpResult.GetDataResult) r;
                normalized.add(new Result.Data(hex(g.getData()), normalizer.stat(g.getStat())));
            } else if (r instanceof OpResult.GetChildrenResult) {
                normalized.add(new Result.Children(sorted(((OpResult.GetChildrenResult) r).getChildren()), null));
            } else if (r instanceof OpResult.ErrorResult) {
                normalized.add(new Result.Failed(Code.get(((OpResult.ErrorResult) r).getErr())));
            } else if (r instanceof OpResult.DeleteResult || r instanceof OpResult.CheckResult) {
                normalized.add(new Result.Done());
            } else {
                throw new IllegalStateException("unexpected multi result " + r);
            }
        }
        return new Result.Multi(normalized);
    }

    /** Closes the slot's session (its ephemerals go), then opens a new one and waits until it is connected. */
    private Result connect(Op.Connect op) throws InterruptedException {
        Session old = slots[op.slot()];
        slots[op.slot()] = null;
        if (old != null) {
            old.close();
        }
        Session session = new Session(sessionsOpened++, connectString, op.timeoutMillis());
        if (!session.connected.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            session.close();
            throw new IllegalStateException("session " + session.index + " not connected within " + WAIT);
        }
        slots[op.slot()] = session;
        normalizer.sessionStarted(session.zk.getSessionId(), session.index);
        return new Result.Connected(session.zk.getSessionTimeout());
    }

    private void barrier() throws InterruptedException {
        List<Session> live = liveSessions();
        CountDownLatch answered = new CountDownLatch(live.size());
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        for (Session session : live) {
            session.zk.sync("/", (rc, path, ctx) -> {
                if (rc != Code.OK.intValue()) {
                    problems.add("session " + session.index + " sync barrier: " + Code.get(rc));
                }
                answered.countDown();
            }, null);
        }
        if (!answered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("sync barrier not answered within " + WAIT);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    private List<Event> drainEvents() {
        List<Event> events = new ArrayList<>();
        for (Session session : liveSessions()) {
            for (WatchedEvent e = session.events.poll(); e != null; e = session.events.poll()) {
                events.add(new Event(session.index, e.getType(), e.getState(), e.getPath(), normalizer.zxid(e.getZxid())));
            }
        }
        return events;
    }

    private List<Session> liveSessions() {
        return Arrays.stream(slots).filter(Objects::nonNull).sorted(Comparator.comparingInt(s -> s.index)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                slots[i].close();
                slots[i] = null;
            }
        }
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static byte[] bytes(String hex) {
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }

    private static String hex(byte[] data) {
        return data == null ? null : HexFormat.of().formatHex(data);
    }

    /** One client session; it is its own default watcher and records what it receives until closed. */
    private static final class Session implements Watcher {

        final int index;
        final ZooKeeper zk;
        final Queue<WatchedEvent> events = new ConcurrentLinkedQueue<>();
        final CountDownLatch connected = new CountDownLatch(1);
        private volatile boolean closing;

        Session(int index, String connectString, int timeoutMillis) {
            this.index = index;
            ZKClientConfig config = new ZKClientConfig();
            config.setProperty(ZKClientConfig.ZOOKEEPER_REQUEST_TIMEOUT, Long.toString(WAIT.toMillis()));
            config.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
            // The NIO socket sleeps 100 ms in every close; a run closes a session every hundred ops.
            config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
            try {
                this.zk = new ZooKeeper(connectString, timeoutMillis, this, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void process(WatchedEvent event) {
            // What a closing session still receives races with its close and is no server behaviour to compare.
            if (closing) {
                return;
            }
            events.add(event);
            if (event.getType() == EventType.None && event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        }

        void close() throws InterruptedException {
            closing = true;
            zk.close();
        }
    }
}
