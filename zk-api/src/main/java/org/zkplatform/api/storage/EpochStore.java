package org.zkplatform.api.storage;

import java.util.OptionalLong;

/** ZooKeeper's {@code currentEpoch} and {@code acceptedEpoch} files. */
public interface EpochStore {

    /** The stored value, or empty if never written. */
    OptionalLong read(EpochKind kind) throws StorageException;

    /** Replaces the stored value atomically and durably. */
    void write(EpochKind kind, long epoch) throws StorageException;

    /** Which epoch. */
    enum EpochKind {
        /** The epoch of the last leader this server completed sync with. */
        CURRENT,
        /** The highest epoch this server agreed to in discovery. */
        ACCEPTED
    }
}
