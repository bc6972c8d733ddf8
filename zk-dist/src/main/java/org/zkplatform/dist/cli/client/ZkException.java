package org.zkplatform.dist.cli.client;

/** A request failed: either the server answered with an error, or no server could be asked. */
public abstract sealed class ZkException extends Exception permits KeeperException, ConnectionException {

    private static final long serialVersionUID = 1L;

    ZkException(String message) {
        super(message);
    }
}
