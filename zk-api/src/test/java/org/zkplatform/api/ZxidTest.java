package org.zkplatform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZxidTest {

    @Test
    void splitsIntoEpochAndCounter() {
        Zxid zxid = Zxid.of(5, 0xFFFF_FFFFL);
        assertEquals(0x5_FFFF_FFFFL, zxid.value());
        assertEquals(5, zxid.epoch());
        assertEquals(0xFFFF_FFFFL, zxid.counter());
        assertEquals("0x5ffffffff", zxid.toString());
    }
}
