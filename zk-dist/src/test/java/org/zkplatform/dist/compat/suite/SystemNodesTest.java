package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.admin.ZooKeeperAdmin;
import org.apache.zookeeper.data.Stat;

/** The system nodes (/, /zookeeper, /zookeeper/quota, /zookeeper/config), getConfig and reconfig on a standalone server. */
class SystemNodesTest extends CompatTestBase {

    private static final String CONFIG = "/zookeeper/config";

    @CompatTest
    void getConfigReadsTheConfigNodeWhichIsEmptyWhenStandalone(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();
        Stat configStat = new Stat();
        Stat dataStat = new Stat();

        byte[] config = zk.getConfig(false, configStat);

        assertArrayEquals(zk.getData(CONFIG, false, dataStat), config);
        assertEquals(0, config.length);
        assertEquals(dataStat, configStat);
    }

    @CompatTest
    void configNodeIsReadOnlyForEveryone(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertEquals(ZooDefs.Ids.READ_ACL_UNSAFE, zk.getACL(CONFIG, new Stat()));
        assertFails(Code.NOAUTH, () -> zk.setData(CONFIG, utf8("server.1=127.0.0.1:2888:3888"), -1));
        assertFails(Code.NOAUTH, () -> zk.create(CONFIG + "/child", null, OPEN, CreateMode.PERSISTENT));
        assertFails(Code.NOAUTH, () -> zk.setACL(CONFIG, OPEN, -1));
    }

    @CompatTest
    void systemNodesCannotBeDeleted(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        for (String path : List.of("/", "/zookeeper", "/zookeeper/quota", CONFIG)) {
            assertFails(Code.BADARGUMENTS, () -> zk.delete(path, -1));
        }
        zk.create("/zookeeper/mine", null, OPEN, CreateMode.PERSISTENT);
        zk.delete("/zookeeper/mine", -1);
    }

    @CompatTest
    void rootAndQuotaNodesAreOpenWithEmptyData(ServerFixture server) throws Exception {
        ZooKeeper zk = server.client();

        assertArrayEquals(new byte[0], zk.getData("/", false, null));
        assertArrayEquals(new byte[0], zk.getData("/zookeeper", false, null));
        assertArrayEquals(new byte[0], zk.getData("/zookeeper/quota", false, null));
        assertEquals(OPEN, zk.getACL("/", new Stat()));
        assertEquals(OPEN, zk.getACL("/zookeeper/quota", new Stat()));
        assertEquals(List.of(), zk.getChildren("/zookeeper/quota", false));
    }

    @CompatTest
    void reconfigIsDisabled(ServerFixture server) throws Exception {
        ZooKeeperAdmin admin = server.register(new ZooKeeperAdmin(server.connectString(), ServerFixture.SESSION_TIMEOUT_MS, event -> { }));

        assertFails(Code.RECONFIGDISABLED,
                () -> admin.reconfigure("server.2=127.0.0.1:2888:3888:participant;2181", null, null, -1, new Stat()));
        assertFails(Code.RECONFIGDISABLED, () -> admin.reconfigure(null, "1", null, -1, new Stat()));
    }
}
