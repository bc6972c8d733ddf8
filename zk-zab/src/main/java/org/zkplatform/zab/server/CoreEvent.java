package org.zkplatform.zab.server;

import org.zkplatform.zab.proto.ConnectRequest;
import org.zkplatform.zab.proto.JuteRecord;

/** What the driver thread reacts to. I/O threads and the log thread only ever post these. */
public sealed interface CoreEvent {

    /** A connection sent its ConnectRequest. */
    record Connect(ClientConnection connection, ConnectRequest request) implements CoreEvent {
    }

    /** A request arrived; {@code record} is null if it has no body or {@code malformed}. */
    record Request(ClientConnection connection, int xid, int type, JuteRecord record, boolean malformed,
                   long receivedNanos) implements CoreEvent {
    }

    /** A connection opened with a four-letter word instead of a ConnectRequest. */
    record FourLetterWord(ClientConnection connection, String word) implements CoreEvent {
    }

    /** A connection closed, by either side. */
    record Closed(ClientConnection connection) implements CoreEvent {
    }

    /** Every txn up to {@code zxid} is on disk. */
    record Durable(long zxid) implements CoreEvent {
    }

    /** The log cannot be written: the server must stop rather than acknowledge writes it cannot keep. */
    record LogFailed(Exception cause) implements CoreEvent {
    }

    /** Work that must run on the driver thread, such as reading state for a command. */
    record Task(Runnable task) implements CoreEvent {
    }

    /** An event of another part of the server (the ensemble's), handled by its own target. */
    non-sealed interface External extends CoreEvent {
    }
}
