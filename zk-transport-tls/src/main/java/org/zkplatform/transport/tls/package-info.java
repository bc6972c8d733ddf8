/**
 * TLS transport and the {@code x509} ACL scheme.
 *
 * <p>{@link org.zkplatform.transport.tls.TlsTransportProvider} builds the plain transport's
 * {@code NettyTransport} with a {@link org.zkplatform.transport.tls.TlsChannelSetup}: on a
 * {@code tls-only} listener each channel starts with Netty's {@code SslHandler}; on a
 * {@code unified} one with a {@link org.zkplatform.transport.tls.PortSniffer}, which replaces
 * itself by an {@code SslHandler} or steps aside for plaintext once the first bytes tell
 * ({@link org.zkplatform.transport.tls.TlsSniff}). A
 * {@link org.zkplatform.transport.tls.HandshakeGate} follows until the connection is ready and
 * records the peer's verified certificate chain, which
 * {@link org.zkplatform.api.transport.Connection#peerIdentity()} returns and the
 * {@link org.zkplatform.transport.tls.X509AuthenticationProvider} turns into an id.
 *
 * <p>The same provider serves the quorum (purpose {@code quorum}), which also opens connections:
 * {@link org.zkplatform.transport.tls.ConnectTls} puts the handshake on them, verifying the
 * peer's host name, unless {@link org.zkplatform.transport.tls.ConnectMode#PLAINTEXT} has them
 * dial plaintext while a unified listener still accepts both (the first step of moving a
 * running ensemble to TLS). Host names are checked both ways on quorum connections by default.
 * A failed handshake goes to {@link org.zkplatform.transport.tls.HandshakeFailures}, which logs
 * it once per peer and reason; the {@link org.zkplatform.transport.tls.NamingTrustManager} makes
 * a refusal name the certificate refused.
 *
 * <p>Key and trust material ({@link org.zkplatform.transport.tls.KeyMaterial},
 * {@link org.zkplatform.transport.tls.TrustMaterial}) is read from PKCS12, JKS or PEM files into
 * {@link org.zkplatform.transport.tls.TlsContexts}, which the
 * {@link org.zkplatform.transport.tls.CertificateReloader} replaces when the files change.
 */
package org.zkplatform.transport.tls;
