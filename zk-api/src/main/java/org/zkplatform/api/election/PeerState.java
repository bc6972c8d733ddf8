package org.zkplatform.api.election;

/** A server's role in the ensemble; the codes are those of ZooKeeper's election messages. */
public enum PeerState {
    LOOKING(0),
    FOLLOWING(1),
    LEADING(2),
    OBSERVING(3);

    private final int code;

    PeerState(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The state for a wire value. */
    public static PeerState ofCode(int code) {
        for (PeerState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown peer state code " + code);
    }
}
