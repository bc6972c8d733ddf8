/**
 * Deterministic simulation of whole ensembles: several servers, their clients, disks and network in
 * one thread, driven by one seed, with faults, and checked as they run and after they converge.
 * See {@code README.md} in this folder for what runs for real, the faults, the checks and how to
 * run and replay seeds.
 *
 * <p>The world: {@link org.zkplatform.sim.SimWorld} (virtual time, the one task queue, crashes and
 * pauses of an owner's tasks), {@link org.zkplatform.sim.SimNetwork} and
 * {@link org.zkplatform.sim.SimChannel} (TCP-like channels, cuts, resets),
 * {@link org.zkplatform.sim.SimDisk} and {@link org.zkplatform.sim.SimStorage} (the storage SPI
 * over a disk that loses what was not fsynced), {@link org.zkplatform.sim.SimTransport} (the
 * transport SPI, for election and client connections), {@link org.zkplatform.sim.SimDriver},
 * {@link org.zkplatform.sim.SimExecutor} and {@link org.zkplatform.sim.SimScheduler} (a server's
 * threads and timers as world tasks). The servers themselves are wired by {@code org.zkplatform.zab.quorum.SimServer},
 * next to the package-private classes it needs.
 *
 * <p>A run: {@link org.zkplatform.sim.Simulation} with a {@link org.zkplatform.sim.SimConfig},
 * faults from {@link org.zkplatform.sim.FaultSchedule}, clients
 * ({@link org.zkplatform.sim.SimClient}), checks as it goes (in {@code Simulation} and the clients)
 * and at the end ({@link org.zkplatform.sim.FinalChecks}), the verdict in a
 * {@link org.zkplatform.sim.SimResult}.
 */
package org.zkplatform.sim;
