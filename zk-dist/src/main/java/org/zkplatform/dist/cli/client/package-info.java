/**
 * The ZooKeeper client of {@code bin/zk-cli}: synchronous, small, and written against the
 * server's own wire records ({@code org.zkplatform.zab.proto}), so production code needs no
 * Apache ZooKeeper jar. {@link org.zkplatform.dist.cli.client.ZkClient} is the API;
 * {@code ClientSession} owns the session and its connection (handshake, reader thread, pings,
 * xid matching, notifications, moving to the next server with the same session on a lost
 * connection); {@link org.zkplatform.dist.cli.client.FourLetterWord} asks the four-letter words.
 */
package org.zkplatform.dist.cli.client;
