package org.zkplatform.dist.cli.client;

/**
 * Where a {@link ZkClient}'s session stands. A client starts {@code CONNECTED} (connecting is
 * {@link ZkClient#connect}'s job) and moves so:
 * <pre>
 * CONNECTED  --connection lost, or credentials rejected--&gt;  CONNECTING
 * CONNECTING --a server takes the session again--------------&gt;  CONNECTED
 * CONNECTING --a server says the session is gone-------------&gt;  EXPIRED
 * CONNECTING --no server took it within the session timeout--&gt;  LOST
 * CONNECTED or CONNECTING --close()---------------------------&gt;  CLOSED
 * </pre>
 * The last three are final.
 */
public enum ClientState {
    /** Between servers: a request waits for a connection, up to the session timeout. */
    CONNECTING(false),
    /** A server holds the session and answers. */
    CONNECTED(false),
    /** Closed on purpose by {@link ZkClient#close()}. */
    CLOSED(true),
    /** A server said the session is gone. */
    EXPIRED(true),
    /** No server answered for the whole session timeout after the connection was lost. */
    LOST(true);

    private final boolean terminal;

    ClientState(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether the client can never serve a request again. */
    public boolean isTerminal() {
        return terminal;
    }
}
