package org.zkplatform.transport.tls;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The format of a key or trust store file. */
enum StoreType {

    PKCS12,
    JKS,
    /** PEM text: certificates, and for a key store also the private key (PKCS#8), in one file. */
    PEM;

    /** The type named in configuration ({@code PKCS12}, {@code jks}, ...), case-insensitively. */
    static Optional<StoreType> fromName(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (StoreType type : values()) {
            if (type.name().equals(upper)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type a file name implies, as ZooKeeper infers it: {@code .p12 .pfx .pkcs12}, {@code .jks}, {@code .pem .crt .key}. */
    static Optional<StoreType> fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".pkcs12")) {
            return Optional.of(PKCS12);
        }
        if (name.endsWith(".jks")) {
            return Optional.of(JKS);
        }
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".key")) {
            return Optional.of(PEM);
        }
        return Optional.empty();
    }
}
