package org.zkplatform.dist.cli.client;

/**
 * No server could be asked: none answered, the connection broke while a request was out (its
 * outcome unknown), or the client was closed. The message is one line naming the addresses.
 */
public final class ConnectionException extends ZkException {

    private static final long serialVersionUID = 1L;

    public ConnectionException(String message) {
        super(message);
    }
}
