package org.zkplatform.dist;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line says.
 *
 * @param configFile the operator's config file (HOCON or zoo.cfg), if any
 * @param pluginDir the folder of plugin jars
 */
public record LaunchOptions(Optional<Path> configFile, Path pluginDir) {

    public static final String USAGE = "usage: zk-server [--config <zk.conf or zoo.cfg>] [--plugins <dir>]";

    public LaunchOptions {
        Objects.requireNonNull(configFile, "configFile is null");
        Objects.requireNonNull(pluginDir, "pluginDir is null");
    }

    /** Parses {@code args}; a bare argument is taken as the config file, as zkServer.sh does. */
    public static LaunchOptions parse(String... args) throws StartupException {
        Path config = null;
        Path plugins = Path.of("plugins");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--config", "-c" -> config = Path.of(value(args, ++i, arg));
                case "--plugins" -> plugins = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-") || config != null) {
                        throw StartupException.config("unexpected argument '" + arg + "'; " + USAGE);
                    }
                    config = Path.of(arg);
                }
            }
        }
        return new LaunchOptions(Optional.ofNullable(config), plugins);
    }

    private static String value(String[] args, int index, String option) throws StartupException {
        if (index >= args.length) {
            throw StartupException.config("option " + option + " needs a value; " + USAGE);
        }
        return args[index];
    }
}
