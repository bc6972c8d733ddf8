package org.zkplatform.storage.file;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes txn log files byte by byte, including ones our writer would refuse to produce. */
final class RawLog {

    private RawLog() {
    }

    static byte[] bytes(int magic, int version, List<byte[]> txns) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(version);
        out.writeLong(0);
        for (byte[] txn : txns) {
            out.writeLong(LogFormat.checksum(txn));
            out.writeInt(txn.length);
            out.write(txn);
            out.writeByte('B');
        }
        return bytes.toByteArray();
    }

    static void write(Path file, List<byte[]> txns) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes(LogFormat.MAGIC, LogFormat.VERSION, txns));
    }

    /** The offset of entry {@code index} (0-based) in a file holding {@code txns}. */
    static long offsetOf(List<byte[]> txns, int index) {
        long offset = LogFormat.HEADER_BYTES;
        for (int i = 0; i < index; i++) {
            offset += LogFormat.entryBytes(txns.get(i).length);
        }
        return offset;
    }
}
