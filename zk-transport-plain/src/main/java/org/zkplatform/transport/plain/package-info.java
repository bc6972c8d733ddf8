/**
 * TCP transport on Netty. {@link org.zkplatform.transport.plain.NettyTransport} owns the event
 * loops, listeners and connections; {@link org.zkplatform.transport.plain.ConnectionBridge}
 * turns Netty's channel events into {@link org.zkplatform.api.transport.ConnectionHandler}
 * calls. A {@link org.zkplatform.transport.plain.ChannelSetup} lets the TLS transport add its
 * handlers without copying any of this.
 */
package org.zkplatform.transport.plain;
