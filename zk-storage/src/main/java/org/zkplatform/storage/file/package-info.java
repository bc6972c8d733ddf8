/**
 * The {@code file} storage provider: Apache ZooKeeper's on-disk layout, so a data directory
 * moves between ZooKeeper and zkplatform in either direction.
 *
 * <p>This package owns the files: txn log framing (file header, Adler32 per entry, end-of-record
 * byte), preallocation, fsync, torn-tail recovery, snapshot containers (temp file, rename,
 * optional gzip), the epoch files, the directory lock and retention. What the bytes inside a txn
 * or a snapshot mean belongs to the server core; the only thing read from a txn is its zxid,
 * through {@link org.zkplatform.api.storage.TxnCodec}.
 *
 * <p>Layout under {@code version-2/}: {@code log.<hex zxid>} in the data-log dir;
 * {@code snapshot.<hex zxid>[.gz]}, {@code currentEpoch} and {@code acceptedEpoch} in the data
 * dir; {@code zkplatform.lock} in both. Snapshots being written are named
 * {@code tmp.snapshot.<hex zxid>}, a name neither zkplatform nor ZooKeeper takes for a snapshot.
 */
package org.zkplatform.storage.file;
