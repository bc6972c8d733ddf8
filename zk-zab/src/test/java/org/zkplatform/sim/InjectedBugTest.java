package org.zkplatform.sim;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * The checks catch real damage: each test plugs one faulty test-only component into the simulated
 * world through the SPI it implements, runs seeds with every fault, and expects a failing seed well
 * within the budget of the normal build. Nothing in the server is switched.
 */
class InjectedBugTest {

    private static final int SEEDS_MAX = 200;

    @Test
    void aStorageThatReportsFsyncBeforeTheDataIsDurableLosesAcknowledgedWrites() {
        expectCaught("a storage whose fsync lies", new SimComponents(LyingFsyncStorage::new, SimNetwork::new));
    }

    @Test
    void aStorageThatForgetsTheAcceptedEpochInACrashLetsTwoLeadersShareAnEpoch() {
        expectCaught("a storage that loses the accepted epoch", new SimComponents(ForgetfulEpochStorage::new,
                SimNetwork::new));
    }

    @Test
    void aTransportThatDeliversADeposedLeadersPacketsOnANewLinkIsCaught() {
        expectCaught("a transport that delivers stale packets", new SimComponents(SimStorage::new, StaleDeliveryNetwork::new));
    }

    private static void expectCaught(String bug, SimComponents components) {
        for (long seed = 1; seed <= SEEDS_MAX; seed++) {
            int servers = seed % 2 == 0 ? 5 : 3;
            SimResult result = new Simulation(seed, SimConfig.allFaults(servers), components).run();
            if (!result.passed()) {
                System.out.println(bug + " caught by seed " + seed + ":\n" + result.describe());
                return;
            }
        }
        fail(bug + " went unnoticed by " + SEEDS_MAX + " seeds");
    }
}
