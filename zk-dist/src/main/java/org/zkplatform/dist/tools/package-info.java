/**
 * {@code bin/zk-tool}: operator tools for a data dir, run without a server. Dumps of a txn log
 * and of a snapshot, an integrity check that loads the data exactly as the server would while
 * changing nothing, and a purge of old snapshots and logs. They read the configuration and find
 * the storage provider exactly as the launcher does.
 */
package org.zkplatform.dist.tools;
