/**
 * Fast Leader Election, ZooKeeper's algorithm 3, byte-compatible with Apache ZooKeeper 3.9.
 *
 * <p>The algorithm is a pure state machine, {@link org.zkplatform.election.fle.ElectionCore}:
 * {@link org.zkplatform.election.fle.ElectionEvent}s in (round start, notification, timeout),
 * {@link org.zkplatform.election.fle.ElectionActions} out (notifications to send, the decision).
 * It holds no threads, clocks, sockets or randomness, so simulations drive it from a seed.
 *
 * <p>Around it sits a thin shell: {@link org.zkplatform.election.fle.QuorumConnectionManager}
 * keeps one connection per pair of servers over the transport SPI (the larger id keeps it) and
 * frames messages; {@link org.zkplatform.election.fle.ElectionDriver} is the one thread that feeds
 * the core and performs its actions; {@link org.zkplatform.election.fle.FastElection} is the
 * {@link org.zkplatform.api.election.Election} the server sees, made by
 * {@link org.zkplatform.election.fle.FastElectionProvider}.
 *
 * <p>Wire formats: {@link org.zkplatform.election.fle.InitialMessage} (first bytes of a
 * connection), {@link org.zkplatform.election.fle.FrameReader} (length-prefixed messages),
 * {@link org.zkplatform.election.fle.NotificationCodec} (the notification) and
 * {@link org.zkplatform.election.fle.ConfigText} (the ensemble text notifications carry).
 */
package org.zkplatform.election.fle;
