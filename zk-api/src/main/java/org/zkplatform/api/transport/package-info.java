/**
 * The transport SPI: byte streams between the server and its clients or peers.
 *
 * <p>A transport moves bytes and nothing more. Framing, decoding and protocol state belong to
 * the caller. A {@link org.zkplatform.api.transport.TransportProvider} is found by
 * {@link java.util.ServiceLoader} and chosen by {@link org.zkplatform.api.transport.TransportProvider#name()}
 * ({@code plain}, {@code tls}), so securing a port is a configuration change.
 *
 * <p>Threading contract: callbacks of one {@link org.zkplatform.api.transport.ConnectionHandler}
 * for one connection are never concurrent and arrive in order (open, data..., close). They run
 * on the transport's I/O threads and must not block. Methods of
 * {@link org.zkplatform.api.transport.Connection} may be called from any thread.
 */
package org.zkplatform.api.transport;
