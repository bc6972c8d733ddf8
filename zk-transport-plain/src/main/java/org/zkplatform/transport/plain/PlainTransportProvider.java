package org.zkplatform.transport.plain;

import org.zkplatform.api.Settings;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportContext;
import org.zkplatform.api.transport.TransportProvider;

/** The {@code plain} transport: unencrypted TCP. */
public final class PlainTransportProvider implements TransportProvider {

    public static final String NAME = "plain";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Transport create(Settings settings, TransportContext context) {
        return new NettyTransport(NAME, NettyTransportConfig.from(settings), context, ChannelSetup.PLAIN);
    }
}
