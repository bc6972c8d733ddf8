package org.zkplatform.zab.proto;

/**
 * Error codes carried in {@code ReplyHeader.err}, {@code ErrorResponse}, {@code ErrorTxn} and
 * multi results; the values of Apache ZooKeeper's {@code KeeperException.Code}.
 */
public enum KeeperError {
    OK(0),
    SYSTEM_ERROR(-1),
    RUNTIME_INCONSISTENCY(-2),
    DATA_INCONSISTENCY(-3),
    CONNECTION_LOSS(-4),
    MARSHALLING_ERROR(-5),
    UNIMPLEMENTED(-6),
    OPERATION_TIMEOUT(-7),
    BAD_ARGUMENTS(-8),
    UNKNOWN_SESSION(-12),
    NEW_CONFIG_NO_QUORUM(-13),
    RECONFIG_IN_PROGRESS(-14),
    /** Not an error itself: the boundary between system and API errors. */
    API_ERROR(-100),
    NO_NODE(-101),
    NO_AUTH(-102),
    BAD_VERSION(-103),
    NO_CHILDREN_FOR_EPHEMERALS(-108),
    NODE_EXISTS(-110),
    NOT_EMPTY(-111),
    SESSION_EXPIRED(-112),
    INVALID_CALLBACK(-113),
    INVALID_ACL(-114),
    AUTH_FAILED(-115),
    SESSION_MOVED(-118),
    NOT_READ_ONLY(-119),
    EPHEMERAL_ON_LOCAL_SESSION(-120),
    NO_WATCHER(-121),
    REQUEST_TIMEOUT(-122),
    RECONFIG_DISABLED(-123),
    SESSION_CLOSED_REQUIRE_SASL_AUTH(-124),
    QUOTA_EXCEEDED(-125),
    THROTTLED(-127);

    private static final KeeperError[] VALUES = values();

    private final int code;

    KeeperError(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    public int code() {
        return code;
    }

    /** Whether this is a system error (code above -100) rather than an API error. */
    public boolean isSystemError() {
        return code < 0 && code > API_ERROR.code;
    }

    /**
     * The error with {@code code}.
     *
     * @throws IllegalArgumentException if no error has that code
     */
    public static KeeperError ofCode(int code) {
        for (KeeperError e : VALUES) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown error code " + code);
    }
}
