package org.zkplatform.transport.tls;

import io.netty.handler.ssl.NotSslRecordException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.time.Clock;

/**
 * Logs failed TLS handshakes of one transport: one WARN line per peer and reason, saying which
 * connection (client or quorum, from or to whom) and why in words an operator can act on.
 *
 * <p>A peer that keeps failing (a quorum peer with a certificate from the wrong CA redials every
 * few seconds) would otherwise fill the log with the same line; a repeat within the quiet period
 * goes to DEBUG and is counted, and the next WARN after the period says how many there were.
 * Accepted connections are keyed by the peer's address without its port, which changes with
 * every connection.
 */
final class HandshakeFailures {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeFailures.class);
    static final Duration QUIET_PERIOD = Duration.ofMinutes(1);
    /** Peers remembered at most; past it the memory starts over (a scan from many addresses, say). */
    private static final int KEYS_MAX = 1024;
    private static final int REASON_CHARS_MAX = 300;
    /** TLS alerts by which a peer says it refused our certificate (RFC 8446 section 6.2). */
    private static final Set<String> CERTIFICATE_ALERTS = Set.of("bad_certificate", "unsupported_certificate",
            "certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca", "access_denied");
    private static final String ALERT = "Received fatal alert: ";
    /** The JDK's words for a client that sent no certificate where one is needed. */
    private static final String NO_CLIENT_CERTIFICATE = "Empty client certificate chain";

    private final String purpose;
    private final Clock clock;
    /** Guarded by itself: failures arrive on every event-loop thread. */
    private final Map<String, Repeats> recent = new HashMap<>();

    /** The failures of one key since its last WARN line. */
    private static final class Repeats {
        final long warnedAtNanos;
        int suppressed;

        Repeats(long warnedAtNanos) {
            this.warnedAtNanos = warnedAtNanos;
        }
    }

    HandshakeFailures(String purpose, Clock clock) {
        this.purpose = purpose;
        this.clock = clock;
    }

    /**
     * Logs the failed handshake of a connection with {@code peer}.
     *
     * @param accepted whether a listener accepted it (the peer dialed us)
     * @return whether it was logged as a WARN line (false: a repeat within the quiet period)
     */
    boolean failed(InetSocketAddress peer, boolean accepted, Throwable cause) {
        String reason = reason(cause);
        String where = accepted ? "from " + host(peer) : "to " + host(peer) + ":" + port(peer);
        String key = where + " " + reason;
        long now = clock.nanoTime();
        int before;
        synchronized (recent) {
            Repeats repeats = recent.get(key);
            if (repeats != null && now - repeats.warnedAtNanos < QUIET_PERIOD.toNanos()) {
                repeats.suppressed++;
                LOG.debug("TLS handshake of a {} connection {} failed again: {}", purpose, where, reason);
                return false;
            }
            before = repeats == null ? 0 : repeats.suppressed;
            if (recent.size() >= KEYS_MAX) {
                recent.clear();
            }
            recent.put(key, new Repeats(now));
        }
        String connection = accepted ? "from " + host(peer) + ":" + port(peer) : where;
        if (before > 0) {
            LOG.warn("TLS handshake of a {} connection {} failed: {} ({} more like it in the last {} s)", purpose,
                    connection, reason, before, QUIET_PERIOD.toSeconds());
        } else {
            LOG.warn("TLS handshake of a {} connection {} failed: {}", purpose, connection, reason);
        }
        return true;
    }

    /**
     * Why a handshake failed, in one line: our refusal of the peer's certificate names it (see
     * {@link PeerCertificateException}); the peer's refusal of ours, received as an alert, says so;
     * otherwise the innermost message, since the outer ones wrap it in class names and repeat it.
     */
    static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PeerCertificateException) {
                return oneLine(t.getMessage());
            }
            root = t;
        }
        if (root instanceof NotSslRecordException) {
            return "the peer sent plaintext, not a TLS record";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains(NO_CLIENT_CERTIFICATE)) {
            // A JDK peer offers only a certificate issued by a CA we named as trusted; so does ZooKeeper.
            return "the peer sent no certificate: it has none signed by a CA of our trust store";
        }
        if (message.startsWith(ALERT)) {
            String alert = message.substring(ALERT.length()).trim();
            if (CERTIFICATE_ALERTS.contains(alert)) {
                return "the peer refused our certificate (TLS alert " + alert + ")";
            }
            if (alert.equals("certificate_required")) {
                return "the peer requires a certificate and we sent none (TLS alert " + alert + ")";
            }
            return "the peer ended the handshake (TLS alert " + alert + ")";
        }
        return oneLine(message);
    }

    private static String oneLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > REASON_CHARS_MAX ? line.substring(0, REASON_CHARS_MAX) + "..." : line;
    }

    private static String host(InetSocketAddress address) {
        if (address == null) {
            return "?";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    private static int port(InetSocketAddress address) {
        return address == null ? 0 : address.getPort();
    }
}
