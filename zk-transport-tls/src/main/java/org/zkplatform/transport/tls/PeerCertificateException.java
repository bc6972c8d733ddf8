package org.zkplatform.transport.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A peer's certificate was refused (not trusted, or not naming the peer's host), with the
 * certificate named: the JDK's own message ("unable to find valid certification path to requested
 * target") does not say whose certificate it was, which is the first thing an operator asks.
 */
final class PeerCertificateException extends CertificateException {

    private static final long serialVersionUID = 1L;
    private static final String NO_PATH = "unable to find valid certification path";
    /**
     * What the JDK says when a client certificate does not name the client's address: it checks,
     * then replaces the reason with this (JDK 17.0.13 and later).
     */
    private static final String SERVER_SIDE_HTTPS = "is not supported on the server side";

    /**
     * @param peerHost the host or address the certificate was checked against; null when unknown
     */
    PeerCertificateException(X509Certificate[] chain, String peerHost, CertificateException cause) {
        super(describe(chain) + " refused: " + why(cause, peerHost), cause);
    }

    private static String describe(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return "an empty certificate chain";
        }
        X509Certificate leaf = chain[0];
        return "certificate " + leaf.getSubjectX500Principal().getName() + " (issued by "
                + leaf.getIssuerX500Principal().getName() + ")";
    }

    private static String why(CertificateException cause, String peerHost) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (message.contains(NO_PATH) || String.valueOf(cause.getMessage()).contains(NO_PATH)) {
            return "it does not chain to a certificate of the trust store";
        }
        if (message.contains(SERVER_SIDE_HTTPS)) {
            return "it does not name the address the peer connects from"
                    + (peerHost == null ? "" : ", " + peerHost) + " (hostname verification)";
        }
        return message;
    }
}
