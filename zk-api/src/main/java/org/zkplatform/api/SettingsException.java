package org.zkplatform.api;

import java.util.Objects;

/**
 * A configuration value that is missing or not allowed. The message names the absolute key,
 * the value found and what is allowed, in one line fit for an operator.
 */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public SettingsException(String key, Object value, String allowed) {
        super(message(key, value, allowed));
        this.key = Objects.requireNonNull(key, "key is null");
    }

    public String key() {
        return key;
    }

    private static String message(String key, Object value, String allowed) {
        if (value == null) {
            return "missing setting " + key + ": expected " + allowed;
        }
        return "bad value for " + key + ": '" + value + "'; allowed: " + allowed;
    }
}
