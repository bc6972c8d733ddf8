/**
 * Checks recorded histories of a ZooKeeper-compatible ensemble for linearizability, in the style
 * of Knossos and Porcupine, and checks each session's reads for order.
 *
 * <p>A history is a list of {@link org.zkplatform.testkit.linearizability.Operation}s: who invoked
 * what when, and what came back when, if anything. Clients record it through a
 * {@link org.zkplatform.testkit.linearizability.HistoryRecorder}; errors of the Apache ZooKeeper
 * client are sorted into definite results and unknown outcomes by
 * {@code org.zkplatform.dist.linearizability.ZooKeeperOutcomes} in zk-dist's tests.
 *
 * <p>{@link org.zkplatform.testkit.linearizability.LinearizabilityChecker} decides whether the
 * history could have come from a single copy of the object that takes effect atomically at some
 * instant between each operation's invocation and its response (Herlihy and Wing). It checks one
 * key at a time, which is sound and complete for objects made of independent keys since
 * linearizability is local (P-compositionality), and searches each key's history with the
 * Wing–Gong algorithm plus Lowe's memoization. The object is given by a
 * {@link org.zkplatform.testkit.linearizability.Model}: a znode as a compare-and-set register
 * ({@link org.zkplatform.testkit.linearizability.CasRegisterModel}) or a plain register for the
 * checker's own tests ({@link org.zkplatform.testkit.linearizability.RegisterModel}).
 *
 * <p>ZooKeeper promises linearizable writes, not linearizable reads: a getData served by a
 * follower may lag. So a fault test feeds the linearizability checker its writes (setData,
 * create, delete and their definite errors, which the leader decides) and reads only where they
 * must be current (after a sync, or a single server), and checks the reads of each session with
 * {@link org.zkplatform.testkit.linearizability.SessionOrderCheck}, which asks what ZooKeeper does
 * promise: a session never reads older state than it has already seen, its own acknowledged
 * writes included.
 *
 * <p>Everything here is independent of ZooKeeper's classes.
 */
package org.zkplatform.testkit.linearizability;
