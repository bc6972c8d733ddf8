/**
 * The client side of the server: the client port (framing, handshake, four-letter words, bad
 * input), and the core that orders every request of a session, sends writes through prep, the
 * log and the tree, answers reads, and delivers watch notifications. One driver thread owns the
 * core and all protocol state; I/O threads only decode bytes into events, and a log thread only
 * makes txns durable. The admin endpoint's commands, readiness and scrapes are answered on the
 * driver thread too ({@link org.zkplatform.zab.server.AdminCommands}), posted to it as tasks, so
 * they read the same consistent state as the four-letter words.
 */
package org.zkplatform.zab.server;
