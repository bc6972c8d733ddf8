package org.zkplatform.transport.tls;

import java.nio.file.Path;
import java.util.Objects;
import org.zkplatform.api.Settings;

/**
 * One key or trust store file.
 *
 * @param location the file
 * @param password its password (and the private key's); empty for none
 * @param type its format, from the {@code type} setting or else the file name
 * @param key the setting's key, such as {@code zk.transport.tls.key-store}, for error messages
 */
record StoreConfig(Path location, String password, StoreType type, String key) {

    StoreConfig {
        Objects.requireNonNull(location, "location is null");
        Objects.requireNonNull(password, "password is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(key, "key is null");
    }

    /**
     * Reads {@code location}, {@code password} and {@code type} under {@code section} (such as
     * {@code key-store}), or returns null when no location is set.
     */
    static StoreConfig from(Settings settings, String section) {
        String location = settings.has(section + ".location") ? settings.getString(section + ".location").trim() : "";
        if (location.isEmpty()) {
            return null;
        }
        Path file = Path.of(location);
        String password = settings.has(section + ".password") ? settings.getString(section + ".password") : "";
        String typeName = settings.has(section + ".type") ? settings.getString(section + ".type").trim() : "";
        StoreType type;
        if (typeName.isEmpty()) {
            type = StoreType.fromFileName(file).orElseThrow(() -> settings.invalid(section + ".type", "",
                    "PKCS12, JKS or PEM; it cannot be told from the name of " + file
                            + " (.p12, .pfx, .jks, .pem or .crt)"));
        } else {
            type = StoreType.fromName(typeName).orElseThrow(() -> settings.invalid(section + ".type", typeName,
                    "PKCS12, JKS or PEM, or empty to infer it from the file name"));
        }
        return new StoreConfig(file, password, type, settings.absoluteKey(section));
    }

    /** The password as a char array, as the JDK's key store API wants it. */
    char[] passwordChars() {
        return password.toCharArray();
    }

    @Override
    public String toString() {
        // Never print the password.
        return type + " " + location;
    }
}
