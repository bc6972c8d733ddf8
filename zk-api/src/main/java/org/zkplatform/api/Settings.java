package org.zkplatform.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of one section of the server's configuration, as handed to a provider.
 *
 * <p>Keys are relative to the section and may be dotted ({@code "write-buffer.high"}). Every
 * getter throws {@link SettingsException} naming the absolute key, the value found and what is
 * allowed when a key is missing or its value has the wrong type, so a provider can validate its
 * settings with one call per key and leave the error message to this interface.
 *
 * <p>The launcher gives providers views over HOCON; tests and embedders can use
 * {@link #of(Map)}.
 */
public interface Settings {

    /** The absolute path of this section, for example {@code "zk.transport.plain"}; empty at the root. */
    String path();

    /** Whether the key is present and not null. */
    boolean has(String key);

    String getString(String key);

    int getInt(String key);

    long getLong(String key);

    boolean getBoolean(String key);

    /** A duration: HOCON forms such as {@code 200ms}, {@code 3s}, {@code 1m}; a bare number means milliseconds. */
    Duration getDuration(String key);

    /** A size in bytes: HOCON forms such as {@code 512}, {@code 64k}, {@code 1MiB}. */
    long getBytes(String key);

    List<String> getStringList(String key);

    /** A list of objects, each as a section ({@code servers = [{id = 1, ...}, ...]}); empty when absent. */
    List<Settings> getSectionList(String key);

    /** The sub-section at {@code key}; an empty section when absent. */
    Settings section(String key);

    /** The keys directly under this section (not dotted). */
    Set<String> keys();

    /** The absolute form of a relative key, for error messages. */
    default String absoluteKey(String key) {
        return path().isEmpty() ? key : path() + "." + key;
    }

    /** An error for {@code key} whose value is not allowed. */
    default SettingsException invalid(String key, Object value, String allowed) {
        return new SettingsException(absoluteKey(key), value, allowed);
    }

    /** An integer in {@code [min, max]}, or an error saying so. */
    default int getInt(String key, int min, int max) {
        int value = getInt(key);
        if (value < min || value > max) {
            throw invalid(key, value, "an integer from " + min + " to " + max);
        }
        return value;
    }

    /** One of {@code allowed}, or an error listing them. */
    default String getChoice(String key, Set<String> allowed) {
        String value = getString(key);
        if (!allowed.contains(value)) {
            throw invalid(key, value, "one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /**
     * Settings backed by a map whose keys are dotted paths ({@code "a.b" -> 1}) or nested maps.
     * Values may be strings, numbers, booleans, durations or lists of strings.
     */
    static Settings of(Map<String, ?> values) {
        return MapSettings.root(values);
    }

    static Settings empty() {
        return of(Map.of());
    }
}
