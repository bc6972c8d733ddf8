package org.zkplatform.dist.tools;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Optional;
import org.zkplatform.api.Settings;
import org.zkplatform.api.storage.StorageContext;
import org.zkplatform.api.storage.StorageProvider;
import org.zkplatform.api.time.Clock;
import org.zkplatform.dist.StartupException;
import org.zkplatform.dist.config.ConfigLoader;
import org.zkplatform.dist.config.ServerSettings;
import org.zkplatform.dist.plugin.PluginLayer;
import org.zkplatform.dist.plugin.ProviderCatalog;
import org.zkplatform.zab.ZabTxnCodec;

/**
 * The server's settings and storage provider, found exactly as the launcher finds them (same
 * config file, same plugins, same {@link java.util.ServiceLoader}), so a tool sees the data the
 * server would, plugin storage included.
 *
 * @param settings the validated configuration
 * @param storage the provider {@code zk.storage.provider} names
 */
record ToolConfig(ServerSettings settings, StorageProvider storage) {

    /**
     * @throws ToolException ({@link ToolExit#USAGE}) for a bad config file, plugin or storage
     *     provider name, with the server's own message
     */
    static ToolConfig load(Path configFile, Path pluginDir) throws ToolException {
        try {
            return loadAsTheLauncherDoes(configFile, pluginDir);
        } catch (StartupException e) {
            throw new ToolException(ToolExit.USAGE, e.getMessage());
        }
    }

    private static ToolConfig loadAsTheLauncherDoes(Path configFile, Path pluginDir) throws StartupException {
        ModuleLayer layer = PluginLayer.create(pluginDir);
        // As in Launcher: the plugin layer's loader also sees the boot layer's reference.conf files.
        ClassLoader modules = layer == ModuleLayer.boot()
                ? ToolConfig.class.getClassLoader()
                : layer.modules().iterator().next().getClassLoader();
        Config config = ConfigLoader.load(modules, Optional.of(configFile), System.getProperties());
        ServerSettings settings = ServerSettings.from(config);
        StorageProvider storage = ProviderCatalog.load(layer, StorageProvider.class, "storage", StorageProvider::name)
                .choose(settings.storageProvider(), "zk.storage.provider").provider();
        return new ToolConfig(settings, storage);
    }

    /** The section {@code zk.storage}, which the provider opens. */
    Settings storageSettings() {
        return settings.root().section("zk.storage");
    }

    /** What the server gives a storage it opens. */
    StorageContext storageContext() {
        return new StorageContext(Clock.system(), ZabTxnCodec.INSTANCE);
    }
}
