package org.zkplatform.dist.compat.diff;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.WatcherType;

/**
 * A seeded stream of client operations. The stream depends on the seed alone, never on results,
 * so every server sees the same ops and any op index can be reproduced. Paths come from a tiny
 * tree (three names, depth three, a few sequential-looking names and /zookeeper) so that creates
 * collide, deletes meet children and versions are often wrong: failures are as frequent as successes.
 */
final class OpGenerator {

    /** Sessions used at once; ops are spread over them. */
    static final int SLOTS = 3;

    private static final String[] NAMES = {"a", "b", "c"};
    private static final String[] SYSTEM_PATHS = {"/zookeeper", "/zookeeper/config", "/zookeeper/quota", "/zookeeper/a"};
    private static final String[] USERS = {"alice", "bob"};
    private static final AclChoice[] BAD_ACLS = {AclChoice.BAD_SCHEME, AclChoice.BAD_DIGEST, AclChoice.BAD_IP,
        AclChoice.BAD_WORLD};
    private static final int[] SESSION_TIMEOUTS = {1000, 4000, 30000, 100000};
    private static final CreateMode[] MULTI_MODES = {CreateMode.PERSISTENT, CreateMode.EPHEMERAL,
        CreateMode.PERSISTENT_SEQUENTIAL, CreateMode.EPHEMERAL_SEQUENTIAL, CreateMode.CONTAINER};

    private final Random random;
    private int emitted;

    OpGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The next op; the first {@link #SLOTS} ops open the sessions. */
    Op next() {
        int index = emitted++;
        if (index < SLOTS) {
            return new Op.Connect(index, 30000);
        }
        int slot = random.nextInt(SLOTS);
        int roll = random.nextInt(100);
        if (roll < 18) {
            return create(slot);
        } else if (roll < 31) {
            return new Op.Delete(slot, path(), version());
        } else if (roll < 40) {
            return new Op.SetData(slot, path(), data(), version());
        } else if (roll < 46) {
            return new Op.Exists(slot, path(), random.nextBoolean());
        } else if (roll < 52) {
            return new Op.GetData(slot, path(), random.nextBoolean());
        } else if (roll < 60) {
            return new Op.GetChildren(slot, path(), random.nextBoolean(), random.nextBoolean());
        } else if (roll < 63) {
            return new Op.GetAcl(slot, path());
        } else if (roll < 67) {
            return new Op.SetAcl(slot, path(), replacementAcl(), version());
        } else if (roll < 69) {
            return new Op.GetAllChildrenNumber(slot, path());
        } else if (roll < 71) {
            return new Op.GetEphemerals(slot, random.nextInt(3) == 0 ? "/" : path());
        } else if (roll < 73) {
            return new Op.Sync(slot, path());
        } else if (roll < 83) {
            return multi(slot);
        } else if (roll < 87) {
            return multiRead(slot);
        } else if (roll < 91) {
            return new Op.AddWatch(slot, path(), pick(AddWatchMode.values()));
        } else if (roll < 96) {
            return new Op.RemoveWatches(slot, path(), pick(WatcherType.values()), random.nextBoolean());
        } else if (roll < 98) {
            return new Op.AddAuth(slot, pick(USERS));
        } else if (roll < 99) {
            return new Op.WhoAmI(slot);
        }
        return new Op.Connect(slot, SESSION_TIMEOUTS[random.nextInt(SESSION_TIMEOUTS.length)]);
    }

    private Op create(int slot) {
        int roll = random.nextInt(100);
        CreateMode mode;
        if (roll < 45) {
            mode = CreateMode.PERSISTENT;
        } else if (roll < 65) {
            mode = CreateMode.EPHEMERAL;
        } else if (roll < 77) {
            mode = CreateMode.PERSISTENT_SEQUENTIAL;
        } else if (roll < 85) {
            mode = CreateMode.EPHEMERAL_SEQUENTIAL;
        } else if (roll < 93) {
            mode = CreateMode.CONTAINER;
        } else if (roll < 97) {
            mode = CreateMode.PERSISTENT_WITH_TTL;
        } else {
            mode = CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL;
        }
        // The Java client accepts a TTL only through the Stat-returning create.
        boolean withStat = mode.isTTL() || random.nextBoolean();
        return new Op.Create(slot, createPath(mode), data(), acl(), mode, ttl(mode), withStat);
    }

    private Op multi(int slot) {
        List<Op.Write> writes = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            if (roll < 35) {
                CreateMode mode = pick(MULTI_MODES);
                AclChoice acl = random.nextInt(10) == 0 ? acl() : AclChoice.OPEN;
                writes.add(new Op.CreateIn(createPath(mode), data(), acl, mode));
            } else if (roll < 60) {
                writes.add(new Op.DeleteIn(path(), version()));
            } else if (roll < 85) {
                writes.add(new Op.SetDataIn(path(), data(), version()));
            } else {
                writes.add(new Op.CheckIn(path(), version()));
            }
        }
        return new Op.Multi(slot, writes);
    }

    private Op multiRead(int slot) {
        List<Op.Read> reads = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            reads.add(new Op.Read(path(), random.nextBoolean()));
        }
        return new Op.MultiRead(slot, reads);
    }

    /**
     * A node in the small tree: mostly 1-3 levels of a/b/c, sometimes a name a sequential create
     * produces (so later ops hit those nodes), the root or a /zookeeper path.
     */
    private String path() {
        int roll = random.nextInt(100);
        if (roll < 3) {
            return "/";
        } else if (roll < 6) {
            return pick(SYSTEM_PATHS);
        }
        int depth = roll < 40 ? 1 : roll < 75 ? 2 : 3;
        StringBuilder path = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            path.append('/').append(name());
        }
        return path.toString();
    }

    private String name() {
        int roll = random.nextInt(100);
        if (roll < 10) {
            return String.format("s%010d", random.nextInt(4));
        } else if (roll < 13) {
            return String.format("%010d", random.nextInt(3));
        }
        return pick(NAMES);
    }

    /** A sequential create names a prefix, sometimes a bare parent with a trailing slash ("/a/"). */
    private String createPath(CreateMode mode) {
        if (!mode.isSequential()) {
            return path();
        }
        String parent = path();
        String base = "/".equals(parent) ? "" : parent;
        return random.nextInt(4) == 0 ? base + "/" : base + "/s";
    }

    /** Null, empty, small, and now and then a kilobyte or so; hex encoded. */
    private String data() {
        int roll = random.nextInt(100);
        if (roll < 10) {
            return null;
        } else if (roll < 25) {
            return "";
        }
        byte[] bytes = new byte[roll < 95 ? 1 + random.nextInt(16) : 100 + random.nextInt(1500)];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** -1 (any) half of the time, else a small version that is right or wrong. */
    private int version() {
        return random.nextBoolean() ? -1 : random.nextInt(4);
    }

    /** Mostly open: every restrictive ACL locks a part of the small tree until the node goes. */
    private AclChoice acl() {
        int roll = random.nextInt(100);
        if (roll < 84) {
            return AclChoice.OPEN;
        } else if (roll < 87) {
            return AclChoice.READ;
        } else if (roll < 91) {
            return AclChoice.CREATOR_ALL;
        } else if (roll < 94) {
            return AclChoice.ALICE_AND_READ;
        } else if (roll < 96) {
            return AclChoice.OPEN_TWICE;
        } else if (roll < 97) {
            return AclChoice.NONE;
        }
        return pick(BAD_ACLS);
    }

    /**
     * No read-only or empty permissions here: set on a node with children they would lock that
     * subtree for the rest of the run (nobody could delete the children or change the ACL back).
     */
    private AclChoice replacementAcl() {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return AclChoice.OPEN;
        } else if (roll < 60) {
            return AclChoice.OPEN_TWICE;
        } else if (roll < 75) {
            return AclChoice.CREATOR_ALL;
        } else if (roll < 90) {
            return AclChoice.ALICE_AND_READ;
        }
        return pick(BAD_ACLS);
    }

    /**
     * A TTL far longer than any run, so that a server that reaps TTL nodes cannot make the two
     * sides differ by timing; -1 for the other modes.
     */
    private long ttl(CreateMode mode) {
        return mode.isTTL() ? 3_600_000L + random.nextInt(1_000_000) : -1;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
