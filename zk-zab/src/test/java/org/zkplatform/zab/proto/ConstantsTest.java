package org.zkplatform.zab.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The protocol's numbers, checked against the fact sheet. */
class ConstantsTest {

    @Test
    void validOpCodesAreExactlyThoseOfRequestIsValid() {
        Set<Integer> valid = Set.of(-11, 1, 15, 21, 19, -10, 2, 20, 3, 6, 8, 104, 12, 4, 103, 14, 22, 11, 16, 7, 5,
                101, 105, 9, 17, 18, 106, 107);
        Set<Integer> found = new TreeSet<>();
        for (int op = -200; op <= 200; op++) {
            if (OpCode.isValid(op)) {
                found.add(op);
            }
        }
        assertEquals(new TreeSet<>(valid), found);
        assertFalse(OpCode.isValid(OpCode.CHECK));
        assertFalse(OpCode.isValid(OpCode.AUTH));
        assertFalse(OpCode.isValid(OpCode.SASL));
    }

    @Test
    void opCodeNames() {
        assertEquals("create2", OpCode.name(15));
        assertEquals("closeSession", OpCode.name(-11));
        assertEquals("unknown 10", OpCode.name(10));
        assertEquals("CREA", OpCode.shortName(OpCode.CREATE_TTL));
        assertEquals("GETACN", OpCode.shortName(OpCode.GET_ALL_CHILDREN_NUMBER));
        assertEquals("HOMI", OpCode.shortName(OpCode.WHO_AM_I));
        assertEquals("NA", OpCode.shortName(OpCode.AUTH));
        assertEquals("SETW", OpCode.shortName(101));
        assertEquals("STW2", OpCode.shortName(105));
        assertEquals("MLTR", OpCode.shortName(22));
        assertEquals("REQUEST", QuorumPacketType.name(1));
        assertEquals("INFORMANDACTIVATE", QuorumPacketType.name(19));
        assertEquals("UNKNOWN20", QuorumPacketType.name(20));
    }

    @Test
    void everyErrorCodeMapsBothWays() {
        int[] codes = {0, -1, -2, -3, -4, -5, -6, -7, -8, -12, -13, -14, -100, -101, -102, -103, -108, -110, -111,
            -112, -113, -114, -115, -118, -119, -120, -121, -122, -123, -124, -125, -127};
        assertEquals(codes.length, KeeperError.values().length);
        for (int code : codes) {
            assertEquals(code, KeeperError.ofCode(code).code());
        }
        assertEquals(KeeperError.NO_NODE, KeeperError.ofCode(-101));
        assertEquals(KeeperError.THROTTLED, KeeperError.ofCode(-127));
        assertThrows(IllegalArgumentException.class, () -> KeeperError.ofCode(-9));
        assertTrue(KeeperError.MARSHALLING_ERROR.isSystemError());
        assertFalse(KeeperError.NO_NODE.isSystemError());
        assertFalse(KeeperError.OK.isSystemError());
    }

    @Test
    void createFlagsMapToModes() {
        assertEquals(Optional.of(CreateMode.PERSISTENT), CreateMode.ofFlag(0));
        assertTrue(CreateMode.ofFlag(1).orElseThrow().isEphemeral());
        assertTrue(CreateMode.ofFlag(2).orElseThrow().isSequential());
        assertTrue(CreateMode.ofFlag(3).orElseThrow().isEphemeral() && CreateMode.ofFlag(3).orElseThrow().isSequential());
        assertTrue(CreateMode.ofFlag(4).orElseThrow().isContainer());
        assertTrue(CreateMode.ofFlag(5).orElseThrow().isTtl());
        assertFalse(CreateMode.ofFlag(5).orElseThrow().isSequential());
        CreateMode sequentialTtl = CreateMode.ofFlag(6).orElseThrow();
        assertTrue(sequentialTtl.isTtl() && sequentialTtl.isSequential() && !sequentialTtl.isEphemeral());
        for (CreateMode mode : CreateMode.values()) {
            assertEquals(Optional.of(mode), CreateMode.ofFlag(mode.flag()));
            assertEquals(KeeperError.OK, CreateMode.validate(mode.flag()));
        }
        assertEquals(KeeperError.BAD_ARGUMENTS, CreateMode.validate(7));
        assertEquals(KeeperError.BAD_ARGUMENTS, CreateMode.validate(-1));
        assertEquals(Optional.empty(), CreateMode.ofFlag(Integer.MIN_VALUE));
    }

    @Test
    void smallEnumsCarryTheirWireCodes() {
        assertEquals(31, Perms.ALL);
        assertEquals(-1, EventType.NONE.code());
        assertEquals(EventType.NODE_CHILDREN_CHANGED, EventType.ofCode(4));
        assertEquals(3, KeeperState.SYNC_CONNECTED.code());
        assertEquals(KeeperState.EXPIRED, KeeperState.ofCode(-112));
        assertEquals(WatcherType.PERSISTENT_RECURSIVE, WatcherType.ofCode(5));
        assertEquals(AddWatchMode.PERSISTENT_RECURSIVE, AddWatchMode.ofCode(1));
        assertThrows(IllegalArgumentException.class, () -> EventType.ofCode(8));
        assertThrows(IllegalArgumentException.class, () -> KeeperState.ofCode(2));
        assertThrows(IllegalArgumentException.class, () -> WatcherType.ofCode(0));
        assertThrows(IllegalArgumentException.class, () -> AddWatchMode.ofCode(2));
    }
}
