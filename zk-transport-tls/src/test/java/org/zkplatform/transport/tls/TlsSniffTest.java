package org.zkplatform.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zkplatform.transport.tls.TlsSniff.Decision;

class TlsSniffTest {

    /** The first bytes of a TLS 1.2/1.3 ClientHello record: handshake, version 3.1, length 512. */
    private static final byte[] CLIENT_HELLO_HEADER = {22, 3, 1, 2, 0};

    @Test
    void aTlsRecordHeaderIsTls() {
        assertEquals(Decision.TLS, TlsSniff.decide(buffer(CLIENT_HELLO_HEADER)));
        assertEquals(Decision.TLS, TlsSniff.decide(buffer(new byte[] {22, 3, 3, 0, 100, 1, 0, 0})));
    }

    @Test
    void aPartialRecordHeaderWaits() {
        for (int length = 0; length < CLIENT_HELLO_HEADER.length; length++) {
            byte[] prefix = java.util.Arrays.copyOf(CLIENT_HELLO_HEADER, length);
            assertEquals(Decision.NEED_MORE, TlsSniff.decide(buffer(prefix)), "after " + length + " bytes");
        }
    }

    @Test
    void theZooKeeperProtocolIsPlaintextFromItsFirstByte() {
        // A frame length, whose first byte is 0 for any frame a server accepts.
        assertEquals(Decision.PLAINTEXT, TlsSniff.decide(buffer(new byte[] {0})));
        assertEquals(Decision.PLAINTEXT, TlsSniff.decide(buffer(new byte[] {0, 0, 0, 44, 0, 0, 0, 0})));
        // A four-letter word is only four bytes: it must not wait for a fifth.
        assertEquals(Decision.PLAINTEXT, TlsSniff.decide(buffer("ruok".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(Decision.PLAINTEXT, TlsSniff.decide(buffer("stat".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aRecordTypeByteWithoutATlsHeaderIsPlaintext() {
        // Content type 22 but version 9.9: not TLS.
        assertEquals(Decision.PLAINTEXT, TlsSniff.decide(buffer(new byte[] {22, 9, 9, 0, 5})));
    }

    @Test
    void decidingConsumesNothing() {
        ByteBuf in = buffer(CLIENT_HELLO_HEADER);
        TlsSniff.decide(in);
        assertEquals(CLIENT_HELLO_HEADER.length, in.readableBytes());
    }

    private static ByteBuf buffer(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }
}
