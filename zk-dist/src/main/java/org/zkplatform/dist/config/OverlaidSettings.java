package org.zkplatform.dist.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.zkplatform.api.Settings;

/**
 * One section laid over another: each key is read from the overlay when the overlay has it, else
 * from the base. This is how the quorum's transport gets settings of its own
 * ({@code zk.quorum.tls} over {@code zk.transport.tls}) while sharing the rest with the client
 * port's.
 *
 * <p>A key's first segment decides the layer: {@code key-store.location} comes from the overlay
 * whenever the overlay has anything under {@code key-store}, so a store is taken whole, never its
 * file from one section and its password from the other. Errors name the key in the section it
 * was read from.
 */
public final class OverlaidSettings implements Settings {

    private final Settings overlay;
    private final Settings base;

    public OverlaidSettings(Settings overlay, Settings base) {
        this.overlay = Objects.requireNonNull(overlay, "overlay is null");
        this.base = Objects.requireNonNull(base, "base is null");
    }

    /** The section {@code key} is read from. */
    private Settings layer(String key) {
        int dot = key.indexOf('.');
        String first = dot < 0 ? key : key.substring(0, dot);
        return overlay.has(first) ? overlay : base;
    }

    /** The overlay's path: the settings as a whole are the overlay's section, filled in from the base. */
    @Override
    public String path() {
        return overlay.path();
    }

    @Override
    public String absoluteKey(String key) {
        return layer(key).absoluteKey(key);
    }

    @Override
    public boolean has(String key) {
        return layer(key).has(key);
    }

    @Override
    public String getString(String key) {
        return layer(key).getString(key);
    }

    @Override
    public int getInt(String key) {
        return layer(key).getInt(key);
    }

    @Override
    public long getLong(String key) {
        return layer(key).getLong(key);
    }

    @Override
    public boolean getBoolean(String key) {
        return layer(key).getBoolean(key);
    }

    @Override
    public Duration getDuration(String key) {
        return layer(key).getDuration(key);
    }

    @Override
    public long getBytes(String key) {
        return layer(key).getBytes(key);
    }

    @Override
    public List<String> getStringList(String key) {
        return layer(key).getStringList(key);
    }

    @Override
    public List<Settings> getSectionList(String key) {
        return layer(key).getSectionList(key);
    }

    @Override
    public Settings section(String key) {
        return layer(key).section(key);
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new HashSet<>(base.keys());
        keys.addAll(overlay.keys());
        return Set.copyOf(keys);
    }
}
