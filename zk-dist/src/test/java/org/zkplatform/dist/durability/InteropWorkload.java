package org.zkplatform.dist.durability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * The writes whose result one server leaves in a data dir for the other to load: every kind of
 * txn a client can cause (create in each mode, set, delete, setACL, multi, session create and
 * close), data from null to near the size limit, digest, world read-only and ip ACLs, containers,
 * and ephemerals of sessions still open when the server stops.
 */
final class InteropWorkload {

    /** The digest identity that owns the digest-protected nodes; the reader authenticates as it. */
    static final String DIGEST_AUTH = "alice:secret";
    /** Mutable lists: the client checks {@code acl.contains(null)}, which an immutable list refuses. */
    private static final List<ACL> IP_ONLY = new ArrayList<>(List.of(new ACL(Perms.ALL, new Id("ip", "127.0.0.1"))));
    private static final List<ACL> WORLD_READ_ADMIN =
            new ArrayList<>(List.of(new ACL(Perms.READ | Perms.ADMIN, Ids.ANYONE_ID_UNSAFE)));
    private static final byte[] NO_BYTES = new byte[0];

    private final ZooKeeper zk;
    private final Random random;
    private final List<String> bulkNodes = new ArrayList<>();
    private int nextBulk;

    /** @param zk a client authenticated with {@link #DIGEST_AUTH} */
    InteropWorkload(ZooKeeper zk, long seed) {
        this.zk = zk;
        this.random = new Random(seed);
    }

    /** One of each kind of write, under {@code /interop}. */
    void mix() throws KeeperException, InterruptedException {
        create("/interop", bytes("root"), CreateMode.PERSISTENT);
        create("/interop/sizes", null, CreateMode.PERSISTENT);
        create("/interop/sizes/null", null, CreateMode.PERSISTENT);
        create("/interop/sizes/empty", NO_BYTES, CreateMode.PERSISTENT);
        for (int size : new int[] {1, 100, 4096, 100_000, 900_000}) {
            create("/interop/sizes/b" + size, randomBytes(size), CreateMode.PERSISTENT);
        }
        zk.setData("/interop/sizes/b1", bytes("set once"), 0);
        zk.setData("/interop/sizes/b1", bytes("set twice"), -1);
        zk.setData("/interop/sizes/b4096", randomBytes(5000), 0);
        zk.setData("/interop/sizes/empty", null, -1);
        zk.setData("/interop/sizes/null", NO_BYTES, -1);

        create("/interop/seq", null, CreateMode.PERSISTENT);
        for (int i = 0; i < 5; i++) {
            create("/interop/seq/s-", bytes("seq " + i), CreateMode.PERSISTENT_SEQUENTIAL);
        }

        create("/interop/gone", bytes("parent of deletes"), CreateMode.PERSISTENT);
        for (String name : List.of("a", "b", "c", "d", "e")) {
            create("/interop/gone/" + name, bytes(name), CreateMode.PERSISTENT);
        }
        zk.delete("/interop/gone/b", 0);
        zk.delete("/interop/gone/d", -1);
        create("/interop/tmp", null, CreateMode.PERSISTENT);
        create("/interop/tmp/x", null, CreateMode.PERSISTENT);
        zk.delete("/interop/tmp/x", -1);
        zk.delete("/interop/tmp", -1);

        create("/interop/acl", null, CreateMode.PERSISTENT);
        zk.create("/interop/acl/digest", bytes("alice only"), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
        zk.create("/interop/acl/read-only", bytes("world may read"), Ids.READ_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/interop/acl/ip", bytes("from 127.0.0.1"), IP_ONLY, CreateMode.PERSISTENT);
        create("/interop/acl/changed", bytes("acl set later"), CreateMode.PERSISTENT);
        zk.setACL("/interop/acl/changed", Ids.CREATOR_ALL_ACL, 0);
        zk.setACL("/interop/acl/changed", WORLD_READ_ADMIN, 1);

        create("/interop/box", bytes("container"), CreateMode.CONTAINER);
        create("/interop/box/item", bytes("keeps the container"), CreateMode.PERSISTENT);
        create("/interop/empty-box", null, CreateMode.CONTAINER);

        create("/interop/multi", null, CreateMode.PERSISTENT);
        zk.multi(List.of(
                Op.create("/interop/multi/a", bytes("in a multi"), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.setData("/interop/sizes/b100", bytes("set in a multi"), -1),
                Op.delete("/interop/gone/e", -1),
                Op.check("/interop", 0)));

        create("/interop/eph", null, CreateMode.PERSISTENT);
    }

    /**
     * {@code count} more txns under {@code /interop/bulk}: creates, every third node set, every
     * fifth deleted; enough of them to cross snapshot points.
     */
    void bulk(int count) throws KeeperException, InterruptedException {
        if (zk.exists("/interop/bulk", false) == null) {
            create("/interop/bulk", null, CreateMode.PERSISTENT);
        }
        for (int txns = 0; txns < count; nextBulk++) {
            String path = create("/interop/bulk/n" + nextBulk, randomBytes(random.nextInt(200)), CreateMode.PERSISTENT);
            bulkNodes.add(path);
            txns++;
            if (nextBulk % 3 == 0) {
                zk.setData(path, randomBytes(random.nextInt(300)), -1);
                txns++;
            }
            if (nextBulk % 5 == 4) {
                zk.delete(bulkNodes.remove(random.nextInt(bulkNodes.size())), -1);
                txns++;
            }
        }
    }

    /** A session that owns ephemerals and stays open: {@code prefix}-a, -b and an ephemeral sequential. */
    static void createEphemerals(ZooKeeper owner, String prefix) throws KeeperException, InterruptedException {
        owner.create("/interop/eph/" + prefix + "-a", bytes(prefix), Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        owner.create("/interop/eph/" + prefix + "-b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        owner.create("/interop/eph/" + prefix + "-seq-", bytes("seq"), Ids.OPEN_ACL_UNSAFE,
                CreateMode.EPHEMERAL_SEQUENTIAL);
    }

    private String create(String path, byte[] data, CreateMode mode) throws KeeperException, InterruptedException {
        return zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, mode);
    }

    private byte[] randomBytes(int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
