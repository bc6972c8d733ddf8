package org.zkplatform.zab.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zkplatform.api.Zxid;

class CommittedLogTest {

    @Test
    void keepsOnlyTheNewestTxnsUpToItsCapacity() {
        CommittedLog log = new CommittedLog(3);
        for (long c = 1; c <= 5; c++) {
            log.add(Txns.setData(1, c));
        }
        assertEquals(Zxid.make(1, 3), log.minZxid());
        assertEquals(Zxid.make(1, 5), log.maxZxid());
        assertFalse(log.contains(Zxid.make(1, 2)));
        assertTrue(log.contains(Zxid.make(1, 4)));
    }

    @Test
    void ignoresATxnThatIsNotNewerThanItsLast() {
        CommittedLog log = Txns.committed(1, 1, 3);
        log.add(Txns.setData(1, 2));
        assertEquals(Zxid.make(1, 3), log.maxZxid());
        assertEquals(1, log.after(Zxid.make(1, 2)).size());
        assertEquals(Zxid.make(1, 2), log.before(Zxid.make(1, 3)));
        assertEquals(-1, log.before(Zxid.make(1, 1)));
    }
}
