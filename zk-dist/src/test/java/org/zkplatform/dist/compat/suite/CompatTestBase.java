package org.zkplatform.dist.compat.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Base of the compatibility test classes: the directory each test's server keeps its files in, and small helpers. */
abstract class CompatTestBase {

    static final List<ACL> OPEN = ZooDefs.Ids.OPEN_ACL_UNSAFE;

    @TempDir
    Path serverDir;

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code operation}, which must fail with exactly {@code expected}. */
    static KeeperException assertFails(KeeperException.Code expected, Executable operation) {
        KeeperException e = assertThrows(KeeperException.class, operation);
        assertEquals(expected, e.code(), () -> "error code of " + e);
        return e;
    }
}
