package org.zkplatform.transport.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.SettingsException;

/**
 * Rebuilds the TLS contexts when the key or trust store files change, so that renewed
 * certificates are used by new connections without a restart; connections already open keep the
 * context they started with.
 *
 * <p>The files are read and hashed at a fixed interval rather than watched with a
 * {@link java.nio.file.WatchService}: a hash sees every change, including a mounted secret whose
 * symbolic link is swapped (the watched name never changes) and a rewrite within the file
 * system's timestamp granularity, and the files are a few kilobytes. A change that does not load
 * (a half-written file, a wrong password, an expired certificate) is logged once and the current
 * contexts stay; the next change is tried again.
 */
final class CertificateReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final List<Path> files;
    private final TlsContexts contexts;
    private final ScheduledExecutorService timer;
    /** The hash of the files last tried, loaded or not; touched by the timer thread only. */
    private byte[] lastSeen;

    CertificateReloader(List<Path> files, TlsContexts contexts, Duration interval, String purpose) {
        this.files = List.copyOf(files);
        this.contexts = contexts;
        this.lastSeen = hash();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "zk-" + purpose + "-tls-reload");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reloads if the files differ from when they were last looked at. */
    void check() {
        byte[] now = hash();
        if (Arrays.equals(now, lastSeen)) {
            return;
        }
        lastSeen = now;
        try {
            SslContexts loaded = contexts.reload();
            LOG.info("Reloaded TLS key and trust stores: now presenting {} (valid until {})",
                    loaded.certificate().getSubjectX500Principal().getName(), loaded.certificate().getNotAfter().toInstant());
        } catch (SettingsException e) {
            LOG.warn("Changed TLS key or trust store not loaded, new connections keep the current ones: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Changed TLS key or trust store not loaded, new connections keep the current ones: {}", e.toString());
        }
    }

    /** SHA-256 over every file's length and contents; a missing or unreadable file counts as empty. */
    private byte[] hash() {
        MessageDigest digest = sha256();
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                // Missing for a moment while it is replaced, say: hashed as empty, tried when it is back.
                bytes = new byte[0];
            }
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
