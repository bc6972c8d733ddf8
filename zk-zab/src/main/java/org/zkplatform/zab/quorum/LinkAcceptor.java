package org.zkplatform.zab.quorum;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;
import org.zkplatform.zab.server.CoreEvent;

/** The leader's quorum port: each accepted connection becomes a {@link QuorumLink} the driver hears of. */
final class LinkAcceptor implements ConnectionHandler {

    private final Map<Connection, QuorumStreams> streams = new ConcurrentHashMap<>();
    private final int maxFieldBytes;
    private final long readTimeoutMillis;
    private final Consumer<CoreEvent> driver;

    LinkAcceptor(int maxFieldBytes, long readTimeoutMillis, Consumer<CoreEvent> driver) {
        this.maxFieldBytes = maxFieldBytes;
        this.readTimeoutMillis = readTimeoutMillis;
        this.driver = driver;
    }

    @Override
    public void onOpen(Connection connection) {
        QuorumStreams s = new QuorumStreams();
        s.onOpen(connection);
        s.setTimeout(readTimeoutMillis);
        streams.put(connection, s);
        QuorumLink link = new QuorumLink(s, false, maxFieldBytes, driver);
        link.start();
        driver.accept(new QuorumEvent.Opened(link));
    }

    @Override
    public void onData(Connection connection, ByteBuffer data) {
        QuorumStreams s = streams.get(connection);
        if (s != null) {
            s.onData(connection, data);
        }
    }

    @Override
    public void onWritabilityChanged(Connection connection, boolean writable) {
        QuorumStreams s = streams.get(connection);
        if (s != null) {
            s.onWritabilityChanged(connection, writable);
        }
    }

    @Override
    public void onClose(Connection connection, Optional<Throwable> cause) {
        QuorumStreams s = streams.remove(connection);
        if (s != null) {
            s.onClose(connection, cause);
        }
    }
}
