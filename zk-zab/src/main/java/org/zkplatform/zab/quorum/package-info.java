/**
 * ZAB: how an ensemble agrees on one history of txns. The leader and learner logic runs on the
 * server's driver thread, next to the client core; each quorum connection has a reader thread
 * that decodes packets into driver events and a writer thread that sends what the driver queued
 * (a SNAP sync streams a fuzzy snapshot straight from the tree). Election is the election
 * provider's business; this package starts when it has decided.
 */
package org.zkplatform.zab.quorum;
