package org.zkplatform.testkit.linearizability;

/**
 * A znode as {@link CasRegisterModel} sees it: absent, or present with its data and version.
 *
 * @param exists whether the znode is there
 * @param value its data, or null if absent
 * @param version its data version (the stat's {@code version}), or -1 if absent
 */
public record ZnodeState(boolean exists, String value, int version) {

    private static final ZnodeState ABSENT = new ZnodeState(false, null, -1);

    public ZnodeState {
        if (exists ? value == null || version < 0 : value != null || version != -1) {
            throw new IllegalArgumentException("inconsistent znode state " + exists + ", " + value + ", " + version);
        }
    }

    public static ZnodeState absent() {
        return ABSENT;
    }

    public static ZnodeState present(String value, int version) {
        return new ZnodeState(true, value, version);
    }

    @Override
    public String toString() {
        return exists ? "'" + value + "'@" + version : "absent";
    }
}
