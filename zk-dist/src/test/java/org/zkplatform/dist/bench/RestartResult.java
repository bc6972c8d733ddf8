package org.zkplatform.dist.bench;

/**
 * One restart of a server on the data its footprint run left.
 *
 * @param readyMillis from process start until it answered {@code ruok} and {@code srvr} as serving
 * @param servingMillis from process start until a new session read back the last znode created
 * @param recovery what it logged about loading its database
 */
record RestartResult(long readyMillis, long servingMillis, RecoveryLog recovery) {
}
