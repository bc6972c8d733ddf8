package org.zkplatform.dist.plugin;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.LayerInstantiationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.dist.StartupException;

/**
 * The module layer plugins live in: a child of the boot layer over every jar (and every folder
 * of jars, for a plugin that brings its own libraries) in {@code plugins/}. Plain jars become
 * automatic modules. Without plugins it is the boot layer itself.
 */
public final class PluginLayer {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLayer.class);

    private PluginLayer() {
    }

    /** Builds the layer over {@code pluginDir}; a missing or empty folder gives the boot layer. */
    public static ModuleLayer create(Path pluginDir) throws StartupException {
        List<Path> entries = entries(pluginDir);
        if (entries.isEmpty()) {
            return ModuleLayer.boot();
        }
        try {
            ModuleFinder finder = ModuleFinder.of(entries.toArray(Path[]::new));
            Set<String> roots = finder.findAll().stream()
                    .map(reference -> reference.descriptor().name())
                    .collect(Collectors.toSet());
            ModuleLayer boot = ModuleLayer.boot();
            Configuration configuration = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
            LOG.info("Loaded plugins from {}: {}", pluginDir, finder.findAll().stream()
                    .map(PluginLayer::describe).sorted().collect(Collectors.joining(", ")));
            return layer;
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw StartupException.config("cannot load the plugins in " + pluginDir + ": " + e.getMessage());
        }
    }

    private static List<Path> entries(Path pluginDir) throws StartupException {
        if (!Files.isDirectory(pluginDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pluginDir)) {
            return files.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw StartupException.config("cannot read the plugin folder " + pluginDir + ": " + e.getMessage());
        }
    }

    private static String describe(ModuleReference reference) {
        String where = reference.location().map(uri -> Path.of(uri).getFileName().toString()).orElse("?");
        return reference.descriptor().name() + " (" + where + ")";
    }
}
