package org.zkplatform.dist.plugin;

import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.dist.StartupException;

/**
 * The providers of one SPI found by {@link ServiceLoader} in a layer and its parents, by key.
 * Providers are instantiated to read their key, which is why their constructors must do no work.
 *
 * @param <P> the provider interface
 */
public final class ProviderCatalog<P> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCatalog.class);

    private final String kind;
    private final Map<String, Found<P>> byKey;

    private ProviderCatalog(String kind, Map<String, Found<P>> byKey) {
        this.kind = kind;
        this.byKey = byKey;
    }

    /** A provider and the jar (or folder) it was loaded from. */
    public record Found<P>(P provider, String origin) {
    }

    /**
     * Finds the providers of {@code type} visible from {@code layer}.
     *
     * @param kind what they provide, for messages ("transport")
     * @param key the key configuration chooses them by
     * @throws StartupException if two providers have the same key (naming both jars), or one
     *     cannot be loaded
     */
    public static <P> ProviderCatalog<P> load(ModuleLayer layer, Class<P> type, String kind, Function<P, String> key)
            throws StartupException {
        Map<String, Found<P>> byKey = new TreeMap<>();
        try {
            for (ServiceLoader.Provider<P> candidate : loader(layer, type).stream().toList()) {
                P provider = candidate.get();
                Found<P> found = new Found<>(provider, originOf(candidate.type()));
                String name = key.apply(provider);
                Found<P> clash = byKey.putIfAbsent(name, found);
                if (clash != null) {
                    throw StartupException.config("two " + kind + " providers are named '" + name + "': "
                            + clash.origin() + " and " + found.origin() + "; remove one of them");
                }
                LOG.info("Found {} provider '{}' in {}", kind, name, found.origin());
            }
        } catch (ServiceConfigurationError e) {
            throw StartupException.config("cannot load a " + kind + " provider: " + e.getMessage());
        }
        return new ProviderCatalog<>(kind, byKey);
    }

    private static <P> ServiceLoader<P> loader(ModuleLayer layer, Class<P> type) {
        // On the class path (embedded use, tests) the boot layer has none of our modules.
        return type.getModule().isNamed()
                ? ServiceLoader.load(layer, type)
                : ServiceLoader.load(type, type.getClassLoader());
    }

    /**
     * The provider chosen by {@code name}, the value of the setting {@code settingKey}.
     *
     * @throws StartupException naming the setting and what is available, if none has that key
     */
    public Found<P> choose(String name, String settingKey) throws StartupException {
        Found<P> found = byKey.get(name);
        if (found == null) {
            throw StartupException.config("unknown " + kind + " '" + name + "' (" + settingKey + "); available: "
                    + available());
        }
        LOG.info("Using {} provider '{}' from {}", kind, name, found.origin());
        return found;
    }

    /** Every provider found, in key order. */
    public java.util.List<P> providers() {
        return byKey.values().stream().map(Found::provider).toList();
    }

    /** The keys found, comma-separated, or "none". */
    public String available() {
        return byKey.isEmpty() ? "none" : String.join(", ", byKey.keySet());
    }

    /** The jar or folder a class was loaded from, by file name. */
    static String originOf(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed() && module.getLayer() != null) {
            return module.getLayer().configuration().findModule(module.getName())
                    .map(ResolvedModule::reference)
                    .flatMap(reference -> reference.location())
                    .map(ProviderCatalog::fileName)
                    .orElse("module " + module.getName());
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? type.getName() : fileName(URI.create(source.getLocation().toString()));
    }

    private static String fileName(URI location) {
        try {
            return Path.of(location).getFileName().toString();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return location.toString();
        }
    }
}
