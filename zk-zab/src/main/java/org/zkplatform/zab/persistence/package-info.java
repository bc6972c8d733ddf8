/**
 * The core's side of durability: the snapshot format (ZooKeeper's, byte for byte), loading the
 * database at startup from the newest usable snapshot plus the log, and taking snapshots in the
 * background while writes go on. The storage provider keeps the files; this package decides what
 * is in them.
 */
package org.zkplatform.zab.persistence;
