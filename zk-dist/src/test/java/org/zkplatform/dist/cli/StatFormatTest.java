package org.zkplatform.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.cli.StatPrinter;
import org.junit.jupiter.api.Test;
import org.zkplatform.zab.proto.Stat;

class StatFormatTest {

    @Test
    void printsAStatLineForLineAsZkCliDoes() {
        Stat stat = new Stat(0x100000002L, 0x1a2bL, 1_700_000_000_123L, 1_700_000_999_000L, 7, 3, 2, 0x1000abcdefL, 11,
                4, 0x1a2cL);
        org.apache.zookeeper.data.Stat apache = new org.apache.zookeeper.data.Stat(stat.czxid(), stat.mzxid(),
                stat.ctime(), stat.mtime(), stat.version(), stat.cversion(), stat.aversion(), stat.ephemeralOwner(),
                stat.dataLength(), stat.numChildren(), stat.pzxid());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new StatPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(apache);

        assertEquals(bytes.toString(StandardCharsets.UTF_8).lines().toList(), StatFormat.lines(stat));
    }

    @Test
    void zxidsAndOwnerAreHexTheRestDecimal() {
        Stat stat = new Stat(255, 16, 0, 0, 1, 2, 3, 0, 5, 6, 4096);

        assertEquals("cZxid = 0xff", StatFormat.lines(stat).get(0));
        assertEquals("pZxid = 0x1000", StatFormat.lines(stat).get(4));
        assertEquals("ephemeralOwner = 0x0", StatFormat.lines(stat).get(8));
        assertEquals("numChildren = 6", StatFormat.lines(stat).get(10));
    }
}
