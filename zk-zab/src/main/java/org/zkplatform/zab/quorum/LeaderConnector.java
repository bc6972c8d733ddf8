package org.zkplatform.zab.quorum;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.Transport;
import org.zkplatform.zab.server.CoreEvent;

/**
 * A learner's attempts to reach its leader's quorum port, on a thread of their own, then
 * {@link QuorumEvent.Opened} or {@link QuorumEvent.Unreachable} for the driver. The leader opens
 * its port the moment it learns it won, usually a few milliseconds after its followers learn it:
 * so the first retries come quickly, and the pause doubles up to a second.
 */
final class LeaderConnector implements LeaderDialer {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderConnector.class);
    private static final long FIRST_RETRY_PAUSE_MILLIS = 50;
    private static final long MAX_RETRY_PAUSE_MILLIS = 1000;

    private final Transport transport;
    private final InetSocketAddress address;
    private final int attempts;
    private final Duration timeout;
    private final int maxFieldBytes;
    private final Consumer<CoreEvent> driver;
    private final Thread thread;
    private QuorumLink link;
    private boolean closed;

    LeaderConnector(Transport transport, InetSocketAddress address, int attempts, Duration timeout, int maxFieldBytes,
                    Consumer<CoreEvent> driver) {
        this.transport = transport;
        this.address = address;
        this.attempts = attempts;
        this.timeout = timeout;
        this.maxFieldBytes = maxFieldBytes;
        this.driver = driver;
        this.thread = new Thread(this::run, "zk-learner-connect");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        String lastError = "";
        long pause = FIRST_RETRY_PAUSE_MILLIS;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            QuorumStreams streams = new QuorumStreams();
            try {
                Connection connection = transport.connect(address, timeout, streams).toCompletableFuture()
                        .get(timeout.toMillis() + MAX_RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
                streams.onOpen(connection);
                QuorumLink opened = new QuorumLink(streams, true, maxFieldBytes, driver);
                synchronized (this) {
                    if (closed) {
                        opened.close();
                        return;
                    }
                    link = opened;
                }
                opened.start();
                driver.accept(new QuorumEvent.Opened(opened));
                return;
            } catch (ExecutionException e) {
                lastError = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            } catch (TimeoutException e) {
                lastError = "no answer within " + timeout.toMillis() + " ms";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            LOG.debug("Attempt {} of {} to reach the leader at {} failed: {}", attempt, attempts, address, lastError);
            if (attempt < attempts) {
                try {
                    Thread.sleep(pause);
                    pause = Math.min(2 * pause, MAX_RETRY_PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        driver.accept(new QuorumEvent.Unreachable(this, "cannot reach the leader at " + address + " after " + attempts
                + " attempts: " + lastError));
    }

    @Override
    public synchronized boolean made(PeerLink opened) {
        return link == opened;
    }

    @Override
    public void close() {
        QuorumLink opened;
        synchronized (this) {
            closed = true;
            opened = link;
        }
        thread.interrupt();
        if (opened != null) {
            opened.close();
        }
    }
}
