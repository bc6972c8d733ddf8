package org.zkplatform.zab.quorum;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.zkplatform.api.transport.Connection;
import org.zkplatform.api.transport.ConnectionHandler;

/**
 * One quorum connection as blocking streams, for the one thread that reads it and the one that
 * writes it. Received bytes wait in a bounded buffer (reading from the socket pauses above its
 * limit); writes wait while the transport says it is not writable. Both honour a timeout, the
 * analogue of a socket's SO_TIMEOUT.
 */
final class QuorumStreams implements ConnectionHandler {

    private static final int PAUSE_ABOVE_BYTES = 4 << 20;
    private static final int RESUME_BELOW_BYTES = 1 << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuffer> received = new ArrayDeque<>();
    private volatile Connection connection;
    private int buffered;
    private boolean paused;
    private boolean closed;
    private boolean writable = true;
    private volatile long timeoutMillis = 0;

    @Override
    public void onOpen(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** How long a read or write may wait; 0 waits for ever. */
    void setTimeout(long millis) {
        timeoutMillis = millis;
    }

    @Override
    public void onData(Connection connection, ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        lock.lock();
        try {
            received.add(copy);
            buffered += copy.remaining();
            if (buffered > PAUSE_ABOVE_BYTES && !paused) {
                paused = true;
                connection.pauseReading();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onWritabilityChanged(Connection connection, boolean writable) {
        lock.lock();
        try {
            this.writable = writable;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onClose(Connection connection, Optional<Throwable> cause) {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection; blocked reads and writes end. */
    void close() {
        Connection c = connection;
        if (c != null) {
            c.close();
        }
        onClose(c, Optional.empty());
    }

    /** Waits on the condition for the timeout; throws if it passes. Holding the lock. */
    private void await(long deadlineNanos) throws IOException {
        try {
            if (deadlineNanos == 0) {
                changed.await();
            } else {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0 || !changed.await(left, TimeUnit.NANOSECONDS)) {
                    throw new SocketTimeoutException("nothing from " + connection.remoteAddress() + " within "
                            + timeoutMillis + " ms");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private long deadline() {
        long millis = timeoutMillis;
        return millis == 0 ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            lock.lock();
            try {
                long deadline = deadline();
                while (received.isEmpty()) {
                    if (closed) {
                        return -1;
                    }
                    await(deadline);
                }
                ByteBuffer head = received.peek();
                int n = Math.min(length, head.remaining());
                head.get(into, offset, n);
                if (!head.hasRemaining()) {
                    received.poll();
                }
                buffered -= n;
                if (paused && buffered < RESUME_BELOW_BYTES) {
                    paused = false;
                    connection.resumeReading();
                }
                return n;
            } finally {
                lock.unlock();
            }
        }
    };

    final OutputStream output = new OutputStream() {
        private final byte[] pending = new byte[64 * 1024];
        private int size;

        @Override
        public void write(int b) throws IOException {
            if (size == pending.length) {
                flush();
            }
            pending[size++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (size == pending.length) {
                    flush();
                }
                int n = Math.min(length, pending.length - size);
                System.arraycopy(bytes, offset, pending, size, n);
                size += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (size == 0) {
                return;
            }
            lock.lock();
            try {
                long deadline = deadline();
                while (!writable && !closed) {
                    await(deadline);
                }
                if (closed) {
                    throw new IOException("the connection to " + connection.remoteAddress() + " is closed");
                }
            } finally {
                lock.unlock();
            }
            byte[] chunk = java.util.Arrays.copyOf(pending, size);
            size = 0;
            connection.write(ByteBuffer.wrap(chunk));
        }
    };
}
