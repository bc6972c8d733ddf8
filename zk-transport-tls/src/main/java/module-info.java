/**
 * The {@code tls} transport: TLS 1.2/1.3 on the plain transport's Netty plumbing, with port
 * unification, mutual authentication, certificate reload and the peer's X.509 identity. Its
 * provider arrives with the TLS issue; until then this module only reserves its place.
 */
module org.zkplatform.transport.tls {
    requires org.zkplatform.api;
    requires org.zkplatform.transport.plain;
}
