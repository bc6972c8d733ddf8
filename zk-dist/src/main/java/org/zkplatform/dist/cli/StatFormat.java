package org.zkplatform.dist.cli;

import java.util.Date;
import java.util.List;
import org.zkplatform.zab.proto.Stat;

/**
 * A znode's stat in zkCli's layout, line for line, so scripts written against zkCli's output
 * read ours. Times are {@link Date#toString()} in the JVM's time zone, as zkCli prints them.
 */
final class StatFormat {

    private StatFormat() {
    }

    static List<String> lines(Stat stat) {
        return List.of(
                "cZxid = 0x" + Long.toHexString(stat.czxid()),
                "ctime = " + new Date(stat.ctime()),
                "mZxid = 0x" + Long.toHexString(stat.mzxid()),
                "mtime = " + new Date(stat.mtime()),
                "pZxid = 0x" + Long.toHexString(stat.pzxid()),
                "cversion = " + stat.cversion(),
                "dataVersion = " + stat.version(),
                "aclVersion = " + stat.aversion(),
                "ephemeralOwner = 0x" + Long.toHexString(stat.ephemeralOwner()),
                "dataLength = " + stat.dataLength(),
                "numChildren = " + stat.numChildren());
    }
}
