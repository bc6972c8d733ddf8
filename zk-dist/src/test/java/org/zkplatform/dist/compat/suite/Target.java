package org.zkplatform.dist.compat.suite;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.zkplatform.dist.compat.ApacheZkServer;
import org.zkplatform.dist.compat.ServerOptions;
import org.zkplatform.dist.compat.ServerUnderTest;
import org.zkplatform.dist.compat.ZkPlatformServer;

/**
 * A kind of server the suite runs against. The kinds come from the system property
 * {@code compat.targets}, a comma list of {@code apache} and {@code zkplatform}, for example
 * {@code -Dcompat.targets=apache,zkplatform}.
 *
 * <p>To run the suite against our server by default once it speaks the client protocol, change
 * {@link #DEFAULT_TARGETS} to {@code "apache,zkplatform"} (or {@code "zkplatform"}).
 */
public enum Target {

    APACHE {
        @Override
        ServerUnderTest start(Path dir, ServerOptions options) {
            ApacheQuirks.pinSuperDigest();
            ApacheZkServer server = ApacheZkServer.start(dir, options);
            // Apache reads the 4lw whitelist property once per JVM; re-read it for this server's options.
            FourLetterCommands.resetWhiteList();
            return server;
        }
    },
    ZKPLATFORM {
        @Override
        ServerUnderTest start(Path dir, ServerOptions options) {
            return ZkPlatformServer.start(dir, options);
        }
    };

    static final String PROPERTY = "compat.targets";
    static final String DEFAULT_TARGETS = "apache,zkplatform";

    abstract ServerUnderTest start(Path dir, ServerOptions options);

    String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<Target> selected() {
        return Arrays.stream(System.getProperty(PROPERTY, DEFAULT_TARGETS).split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> Target.valueOf(name.toUpperCase(Locale.ROOT)))
                .distinct()
                .toList();
    }
}
