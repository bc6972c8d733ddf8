package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;
import org.zkplatform.api.transport.Listener;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.zab.server.CoreEvent;

/** Quorum links over a transport: a {@link QuorumLink}, with its reader and writer threads, per connection. */
final class TransportLinks implements QuorumLinks {

    private final Transport transport;
    private final int maxFieldBytes;
    private final Consumer<CoreEvent> driver;

    /** @param driver where the links' events go */
    TransportLinks(Transport transport, int maxFieldBytes, Consumer<CoreEvent> driver) {
        this.transport = transport;
        this.maxFieldBytes = maxFieldBytes;
        this.driver = driver;
    }

    @Override
    public Listener accept(InetSocketAddress address, long readTimeoutMillis) throws TransportException {
        return transport.listen(address, new LinkAcceptor(maxFieldBytes, readTimeoutMillis, driver));
    }

    @Override
    public LeaderDialer dial(InetSocketAddress address, int attempts, Duration timeout) {
        LeaderConnector connector = new LeaderConnector(transport, address, attempts, timeout, maxFieldBytes, driver);
        connector.start();
        return connector;
    }
}
