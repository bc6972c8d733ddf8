package org.zkplatform.transport.plain;

import org.zkplatform.api.Settings;

/**
 * Socket settings shared by the Netty-based transports.
 *
 * @param ioThreads event-loop threads; 0 means twice the number of cores
 * @param writeBufferLowBytes a connection becomes writable again below this many unsent bytes
 * @param writeBufferHighBytes a connection stops being writable above this many unsent bytes
 * @param listenBacklog the accept backlog; 0 or less means the operating system's default
 * @param preferNative use epoll when it loads; false forces NIO
 */
public record NettyTransportConfig(
        int ioThreads, int writeBufferLowBytes, int writeBufferHighBytes, int listenBacklog, boolean preferNative) {

    public NettyTransportConfig {
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads is negative: " + ioThreads);
        }
        if (writeBufferLowBytes <= 0 || writeBufferHighBytes < writeBufferLowBytes) {
            throw new IllegalArgumentException("write buffer marks must satisfy 0 < low <= high, got low="
                    + writeBufferLowBytes + " high=" + writeBufferHighBytes);
        }
    }

    public static NettyTransportConfig defaults() {
        return new NettyTransportConfig(0, 32 * 1024, 64 * 1024, 0, true);
    }

    /** Reads the keys present in {@code settings}; absent keys keep their defaults. */
    public static NettyTransportConfig from(Settings settings) {
        NettyTransportConfig d = defaults();
        int threads = settings.has("io-threads") ? settings.getInt("io-threads", 0, 1024) : d.ioThreads();
        int low = settings.has("write-buffer-low") ? bytes(settings, "write-buffer-low") : d.writeBufferLowBytes();
        int high = settings.has("write-buffer-high") ? bytes(settings, "write-buffer-high") : d.writeBufferHighBytes();
        if (high < low) {
            throw settings.invalid("write-buffer-high", high, "at least write-buffer-low (" + low + ")");
        }
        int backlog = settings.has("listen-backlog") ? settings.getInt("listen-backlog") : d.listenBacklog();
        boolean preferNative = settings.has("native") ? settings.getBoolean("native") : d.preferNative();
        return new NettyTransportConfig(threads, low, high, backlog, preferNative);
    }

    private static int bytes(Settings settings, String key) {
        long value = settings.getBytes(key);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw settings.invalid(key, value, "a size from 1 byte to 2 GiB");
        }
        return (int) value;
    }
}
