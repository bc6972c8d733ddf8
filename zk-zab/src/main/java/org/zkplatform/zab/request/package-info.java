/**
 * Turning client requests into txns ("prep") and answering reads. Prep validates a write against
 * the tree as it will be once every txn already prepared is applied (the pending changes), in
 * exactly ZooKeeper's order of checks, so errors match; every write, failed or not, becomes a txn
 * and consumes a zxid, as in ZooKeeper.
 */
package org.zkplatform.zab.request;
