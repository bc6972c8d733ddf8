/**
 * TLS transport. Empty until the TLS issue: it will provide {@code tls} by adding Netty's
 * {@code SslHandler} (or a first-bytes sniffer for port unification) through the plain
 * transport's {@code ChannelSetup}.
 */
package org.zkplatform.transport.tls;
