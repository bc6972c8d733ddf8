package org.zkplatform.storage.file;

import java.nio.ByteBuffer;
import java.util.zip.Adler32;

/** ZooKeeper's txn log framing: a 16-byte file header, then {@code long checksum, int length, bytes, 'B'} per txn. */
final class LogFormat {

    /** "ZKLG". */
    static final int MAGIC = 0x5A4B4C47;
    static final int VERSION = 2;
    /** ZooKeeper writes 0 and never reads it back. */
    static final long DBID = 0;
    static final int HEADER_BYTES = 16;
    /** The checksum and length in front of each txn. */
    static final int ENTRY_PREFIX_BYTES = 12;
    /** 'B', after each txn: its absence marks a partial write. */
    static final byte END_OF_RECORD = 0x42;

    private LogFormat() {
    }

    static ByteBuffer header() {
        return ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putLong(DBID).flip();
    }

    static int entryBytes(int txnLength) {
        return ENTRY_PREFIX_BYTES + txnLength + 1;
    }

    /** Adler32 of the txn bytes only, as a long: ZooKeeper's entry checksum. */
    static long checksum(byte[] txn) {
        Adler32 adler = new Adler32();
        adler.update(txn, 0, txn.length);
        return adler.getValue();
    }
}
