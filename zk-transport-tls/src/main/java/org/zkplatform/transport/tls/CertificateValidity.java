package org.zkplatform.transport.tls;

import java.security.cert.X509Certificate;
import java.util.Date;
import org.zkplatform.api.SettingsException;

/**
 * Refuses an own certificate that is expired or not yet valid: peers would refuse it at every
 * handshake, so the server should not start (or reload) with it.
 */
final class CertificateValidity {

    private CertificateValidity() {
    }

    /** @throws SettingsException naming the store, the certificate and its validity dates */
    static void check(StoreConfig store, X509Certificate certificate, long nowMillis) {
        Date from = certificate.getNotBefore();
        Date until = certificate.getNotAfter();
        String state;
        if (nowMillis < from.getTime()) {
            state = "is not valid yet";
        } else if (nowMillis > until.getTime()) {
            state = "has expired";
        } else {
            return;
        }
        throw StoreFiles.locationError(store, "a certificate valid now; " + certificate.getSubjectX500Principal().getName()
                + " " + state + " (valid from " + from.toInstant() + " to " + until.toInstant() + ")");
    }
}
