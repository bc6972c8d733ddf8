/**
 * What the server counts for monitoring: request latencies by type, fsync, snapshot and
 * election times, proposals and commits. Plain counters and fixed-bucket histograms, recorded
 * without allocation on the thread doing the work and read from any thread; turning them into an
 * exposition format is the launcher's business.
 */
package org.zkplatform.zab.metrics;
