package org.zkplatform.transport.tls;

import io.netty.buffer.ByteBuf;
import io.netty.handler.ssl.SslHandler;

/**
 * Tells a TLS connection from a plaintext one by its first bytes, without consuming them.
 *
 * <p>Every TLS connection starts with a record header: a content type from 20 to 24 (22 for the
 * ClientHello), then the version and length, five bytes in all. So a first byte outside 20..24
 * is plaintext at once; this matters for ZooKeeper's four-letter words, which are only four bytes
 * ({@code ruok}) and would otherwise wait for a fifth that never comes. A plaintext ZooKeeper
 * frame starts with its length, whose first byte is 0 for any frame a server accepts. A first
 * byte inside 20..24 waits for the whole header, which Netty's own check then judges.
 */
final class TlsSniff {

    /** What the bytes so far say. */
    enum Decision {
        /** Not enough bytes yet. */
        NEED_MORE,
        TLS,
        PLAINTEXT
    }

    private static final int FIRST_RECORD_TYPE = 20;
    private static final int LAST_RECORD_TYPE = 24;
    private static final int RECORD_HEADER_BYTES = 5;

    private TlsSniff() {
    }

    static Decision decide(ByteBuf in) {
        if (!in.isReadable()) {
            return Decision.NEED_MORE;
        }
        int first = in.getUnsignedByte(in.readerIndex());
        if (first < FIRST_RECORD_TYPE || first > LAST_RECORD_TYPE) {
            return Decision.PLAINTEXT;
        }
        if (in.readableBytes() < RECORD_HEADER_BYTES) {
            return Decision.NEED_MORE;
        }
        // SSLv2-style hellos are not probed: TLS 1.2 and 1.3 peers never send them.
        return SslHandler.isEncrypted(in, false) ? Decision.TLS : Decision.PLAINTEXT;
    }
}
