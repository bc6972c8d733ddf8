package org.zkplatform.transport.tls;

/**
 * The user event a unified port's sniffer fires when a connection turned out to be plaintext,
 * the counterpart of Netty's {@link io.netty.handler.ssl.SslHandshakeCompletionEvent}.
 */
enum PlaintextChosen {
    INSTANCE
}
