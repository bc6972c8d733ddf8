package org.zkplatform.dist.cli.client;

import java.util.Objects;
import java.util.Optional;
import org.zkplatform.zab.proto.KeeperError;

/** The server answered a request with an error code (or the session was found expired). */
public final class KeeperException extends ZkException {

    private static final long serialVersionUID = 1L;

    private final KeeperError code;
    private final String path;

    /** @param path the node the request was about, or null */
    public KeeperException(KeeperError code, String path) {
        super(code + (path == null ? "" : " for " + path));
        this.code = Objects.requireNonNull(code, "code is null");
        this.path = path;
    }

    public KeeperError code() {
        return code;
    }

    public Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
