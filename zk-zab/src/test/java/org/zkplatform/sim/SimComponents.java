package org.zkplatform.sim;

import org.zkplatform.api.storage.Storage;

/**
 * The parts of the simulated world a test may swap for faulty ones, to show the checks catch what
 * they cause: the storage each server opens over its disk, and the network.
 */
public record SimComponents(StorageFactory storage, NetworkFactory network) {

    /** Opens a server's storage over its disk. */
    @FunctionalInterface
    public interface StorageFactory {
        Storage open(SimDisk disk);
    }

    @FunctionalInterface
    public interface NetworkFactory {
        SimNetwork create(SimWorld world, int nodes, SimNetwork.Faults faults);
    }

    /** Storage and network that keep their contracts. */
    public static SimComponents faithful() {
        return new SimComponents(SimStorage::new, SimNetwork::new);
    }
}
