package org.zkplatform.zab.proto;

import java.util.Optional;

/** What the {@code flags} of a create request ask for. */
public enum CreateMode {
    PERSISTENT(0, false, false),
    EPHEMERAL(1, true, false),
    PERSISTENT_SEQUENTIAL(2, false, true),
    EPHEMERAL_SEQUENTIAL(3, true, true),
    CONTAINER(4, false, false),
    PERSISTENT_WITH_TTL(5, false, false),
    PERSISTENT_SEQUENTIAL_WITH_TTL(6, false, true);

    private final int flag;
    private final boolean ephemeral;
    private final boolean sequential;

    CreateMode(int flag, boolean ephemeral, boolean sequential) {
        this.flag = flag;
        this.ephemeral = ephemeral;
        this.sequential = sequential;
    }

    public int flag() {
        return flag;
    }

    public boolean isEphemeral() {
        return ephemeral;
    }

    public boolean isSequential() {
        return sequential;
    }

    public boolean isContainer() {
        return this == CONTAINER;
    }

    public boolean isTtl() {
        return this == PERSISTENT_WITH_TTL || this == PERSISTENT_SEQUENTIAL_WITH_TTL;
    }

    /** The mode {@code flag} names, or empty: see {@link #validate}. */
    public static Optional<CreateMode> ofFlag(int flag) {
        CreateMode[] modes = values();
        return flag >= 0 && flag < modes.length ? Optional.of(modes[flag]) : Optional.empty();
    }

    /**
     * {@link KeeperError#OK} if {@code flag} names a mode, else {@link KeeperError#BAD_ARGUMENTS},
     * which is what the server answers to an unknown flag.
     */
    public static KeeperError validate(int flag) {
        return ofFlag(flag).isPresent() ? KeeperError.OK : KeeperError.BAD_ARGUMENTS;
    }
}
