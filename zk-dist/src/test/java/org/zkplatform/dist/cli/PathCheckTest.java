package org.zkplatform.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.zookeeper.common.PathUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our path check against Apache ZooKeeper's client, message for message. */
class PathCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "/a/b.c", "/a/..b", "/a/.b/", "", "a", "/a/", "//a", "/a//b", "/a/.", "/a/..",
        "/./b", "/a/../b", "/a\u0000b", "/a\u0001", "/a\u007f", "/a\ud800", "/a\ufff0", "/zookeeper", "/é"})
    void acceptsAndRejectsPathsAsApacheZooKeeperDoes(String path) {
        for (boolean sequential : new boolean[] {false, true}) {
            String expected = apache(path, sequential);
            if (expected == null) {
                assertEquals(path, assertValid(path, sequential));
            } else {
                CliException e = assertThrows(CliException.class, () -> PathCheck.validate(path, sequential), path);
                assertEquals(expected, e.getMessage(), path + (sequential ? " (sequential)" : ""));
            }
        }
    }

    private static String assertValid(String path, boolean sequential) {
        try {
            return PathCheck.validate(path, sequential);
        } catch (CliException e) {
            throw new AssertionError(path + " should be valid" + (sequential ? " (sequential)" : "") + ": " + e.getMessage());
        }
    }

    private static String apache(String path, boolean sequential) {
        try {
            PathUtils.validatePath(path, sequential);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
