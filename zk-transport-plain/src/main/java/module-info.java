/**
 * The {@code plain} transport: TCP on Netty, epoll when the native transport loads, NIO
 * otherwise. Its Netty plumbing is shared with the TLS transport, which adds its handlers to the
 * same pipeline.
 */
module org.zkplatform.transport.plain {
    requires org.zkplatform.api;
    requires org.slf4j;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;

    exports org.zkplatform.transport.plain to org.zkplatform.transport.tls;

    provides org.zkplatform.api.transport.TransportProvider
            with org.zkplatform.transport.plain.PlainTransportProvider;
}
