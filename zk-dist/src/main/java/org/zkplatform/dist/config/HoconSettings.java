package org.zkplatform.dist.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.zkplatform.api.Settings;
import org.zkplatform.api.SettingsException;

/** {@link Settings} over a typesafe {@link Config}, turning its exceptions into {@link SettingsException}s. */
public final class HoconSettings implements Settings {

    private final String path;
    private final Config config;

    public HoconSettings(String path, Config config) {
        this.path = path;
        this.config = config;
    }

    /** The whole configuration, from the root. */
    public static HoconSettings root(Config config) {
        return new HoconSettings("", config);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean has(String key) {
        return config.hasPath(key);
    }

    @Override
    public String getString(String key) {
        return get(key, "a string", config::getString);
    }

    @Override
    public int getInt(String key) {
        return get(key, "an integer", config::getInt);
    }

    @Override
    public long getLong(String key) {
        return get(key, "an integer", config::getLong);
    }

    @Override
    public boolean getBoolean(String key) {
        return get(key, "true or false", config::getBoolean);
    }

    @Override
    public Duration getDuration(String key) {
        return get(key, "a duration such as 200ms or 3s", config::getDuration);
    }

    @Override
    public long getBytes(String key) {
        return get(key, "a size such as 512, 64k or 1MiB", config::getBytes);
    }

    @Override
    public List<String> getStringList(String key) {
        return get(key, "a list of strings", config::getStringList);
    }

    @Override
    public List<Settings> getSectionList(String key) {
        if (!config.hasPath(key)) {
            return List.of();
        }
        List<? extends Config> items = get(key, "a list of objects", config::getConfigList);
        String base = absoluteKey(key);
        return java.util.stream.IntStream.range(0, items.size())
                .<Settings>mapToObj(i -> new HoconSettings(base + "." + i, items.get(i)))
                .toList();
    }

    @Override
    public Settings section(String key) {
        if (!config.hasPath(key)) {
            return new HoconSettings(absoluteKey(key), ConfigFactory.empty());
        }
        return new HoconSettings(absoluteKey(key), get(key, "an object", config::getConfig));
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(config.root().keySet());
    }

    private <T> T get(String key, String expected, Function<String, T> getter) {
        try {
            return getter.apply(key);
        } catch (ConfigException.Missing e) {
            throw invalid(key, null, expected);
        } catch (ConfigException e) {
            throw invalid(key, render(key), expected);
        }
    }

    private String render(String key) {
        ConfigValue value = config.getValue(key);
        return value.valueType() == ConfigValueType.STRING ? String.valueOf(value.unwrapped()) : value.render();
    }
}
