/**
 * The storage SPI: durable containers of bytes for the transaction log, snapshots and epoch
 * files. The storage owns files, framing, checksums of its containers, fsync and retention; the
 * server core owns what the bytes inside mean (txn and snapshot encodings), so one storage
 * provider serves any core version and one core runs on any storage.
 *
 * <p>Durability contract: nothing is durable until the method documented as making it durable
 * returns ({@link org.zkplatform.api.storage.TxnLog#commit()},
 * {@link org.zkplatform.api.storage.SnapshotWriter#commit()},
 * {@link org.zkplatform.api.storage.EpochStore#write}). The server acknowledges a write only after
 * that. A crash may lose anything appended but not committed.
 */
package org.zkplatform.api.storage;
