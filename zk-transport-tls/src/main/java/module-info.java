/**
 * The {@code tls} transport: TLS 1.3/1.2 on the plain transport's Netty plumbing, with port
 * unification, mutual authentication, certificate reload and the peer's X.509 identity; and the
 * {@code x509} ACL scheme, which turns that identity into an id.
 *
 * <p>OpenSSL ({@code provider = openssl}) needs netty-tcnative on the module path; netty-handler
 * reads it as an optional module, so dropping the jars into {@code lib/} is enough.
 */
module org.zkplatform.transport.tls {
    requires org.zkplatform.api;
    requires org.zkplatform.transport.plain;
    requires org.slf4j;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;

    provides org.zkplatform.api.transport.TransportProvider
            with org.zkplatform.transport.tls.TlsTransportProvider;
    provides org.zkplatform.api.auth.AuthenticationProvider
            with org.zkplatform.transport.tls.X509AuthenticationProvider;
}
