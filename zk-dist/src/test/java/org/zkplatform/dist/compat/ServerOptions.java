package org.zkplatform.dist.compat;

import java.util.List;

/**
 * Settings both kinds of server can be started with, so a test compares like with like.
 *
 * @param tickTimeMillis ZooKeeper's tickTime
 * @param fourLetterWords the 4lw whitelist, for example {@code List.of("*")}
 * @param extendedTypes whether TTL nodes are enabled ({@code zookeeper.extendedTypesEnabled})
 * @param superDigest a {@code super:<base64 sha1>} digest for a superuser, or empty for none
 */
public record ServerOptions(int tickTimeMillis, List<String> fourLetterWords, boolean extendedTypes, String superDigest) {

    public ServerOptions {
        fourLetterWords = List.copyOf(fourLetterWords);
    }

    public static ServerOptions defaults() {
        return new ServerOptions(2000, List.of("*"), false, "");
    }

    public ServerOptions withTickTime(int millis) {
        return new ServerOptions(millis, fourLetterWords, extendedTypes, superDigest);
    }

    public ServerOptions withExtendedTypes(boolean enabled) {
        return new ServerOptions(tickTimeMillis, fourLetterWords, enabled, superDigest);
    }

    public ServerOptions withSuperDigest(String digest) {
        return new ServerOptions(tickTimeMillis, fourLetterWords, extendedTypes, digest);
    }
}
