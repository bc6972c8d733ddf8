package org.zkplatform.dist.config;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.zkplatform.dist.StartupException;

/** Reading zoo.cfg values, shared by the importers of its sections. */
final class ZooCfgValues {

    private ZooCfgValues() {
    }

    /** The trimmed value of {@code key}, noted in {@code used}; null when the key is absent. */
    static String value(Properties properties, String key, Set<String> used) {
        String value = properties.getProperty(key);
        if (value == null) {
            return null;
        }
        used.add(key);
        return value.trim();
    }

    /** A comma-separated list, blanks dropped. */
    static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static long integer(String key, String value) throws StartupException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StartupException.config("bad value for " + key + " in zoo.cfg: '" + value + "'; allowed: an integer");
        }
    }
}
