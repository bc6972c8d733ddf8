package org.zkplatform.dist.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.zkplatform.dist.StartupException;

/**
 * Loads the configuration: every module's {@code reference.conf} (the defaults and the list of
 * keys that exist), then the operator's file, then {@code zk.*} overrides from system properties.
 * A key under {@code zk} that no module defines is an error, so a typo cannot pass silently;
 * {@code zk.quorum.<transport>.<key>} counts as defined when {@code zk.transport.<transport>.<key>}
 * is, since it overrides that key for the quorum.
 */
public final class ConfigLoader {

    private static final String ROOT = "zk";

    private ConfigLoader() {
    }

    /**
     * @param modules the class loader that sees every module's {@code reference.conf} (the plugin
     *     layer's loader sees the boot layer's too)
     * @param file the operator's file: HOCON, or a ZooKeeper {@code zoo.cfg}
     * @param systemProperties where {@code -Dzk.…} overrides come from
     */
    public static Config load(ClassLoader modules, Optional<Path> file, Properties systemProperties)
            throws StartupException {
        try {
            Config reference = ConfigFactory.parseResources(modules, "reference.conf").resolve();
            Config user = file.isPresent() ? parseFile(file.get()) : ConfigFactory.empty();
            Config overrides = ConfigFactory.parseProperties(onlyZk(systemProperties),
                    ConfigParseOptions.defaults().setOriginDescription("system properties"));
            Config operator = overrides.withFallback(user);
            checkKnown(operator, reference);
            return operator.withFallback(reference).resolve();
        } catch (ConfigException e) {
            throw StartupException.config("invalid configuration: " + e.getMessage());
        }
    }

    private static Config parseFile(Path file) throws StartupException {
        if (!Files.isRegularFile(file)) {
            throw StartupException.config("config file " + file + " does not exist or is not a file");
        }
        if (ZooCfgImporter.isZooCfg(file)) {
            return ZooCfgImporter.importFile(file);
        }
        return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }

    private static Properties onlyZk(Properties all) {
        Properties zk = new Properties();
        for (String name : all.stringPropertyNames()) {
            if (name.startsWith(ROOT + ".")) {
                zk.setProperty(name, all.getProperty(name));
            }
        }
        return zk;
    }

    /**
     * Whether {@code key} is {@code zk.quorum.<transport>.<rest>}, overriding for the quorum a key
     * {@code zk.transport.<transport>.<rest>} that exists (see
     * {@link ServerSettings#quorumTransportSettings()}).
     */
    private static boolean isQuorumTransportOverride(String key, Config reference) {
        List<String> path = ConfigUtil.splitPath(key);
        if (path.size() < 4 || !path.get(0).equals(ROOT) || !path.get(1).equals("quorum")
                || ServerSettings.QUORUM_KEYS.contains(path.get(2))) {
            return false;
        }
        List<String> shared = new ArrayList<>(List.of(ROOT, "transport"));
        shared.addAll(path.subList(2, path.size()));
        return reference.hasPathOrNull(ConfigUtil.joinPath(shared));
    }

    private static void checkKnown(Config operator, Config reference) throws StartupException {
        if (!operator.hasPath(ROOT)) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> entry : operator.withOnlyPath(ROOT).entrySet()) {
            if (!reference.hasPathOrNull(entry.getKey()) && !isQuorumTransportOverride(entry.getKey(), reference)) {
                unknown.add(entry.getKey() + " (" + entry.getValue().origin().description() + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw StartupException.config("unknown setting" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; see conf/zk.conf for every setting");
        }
    }
}
