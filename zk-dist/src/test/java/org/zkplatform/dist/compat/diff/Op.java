package org.zkplatform.dist.compat.diff;

import java.util.List;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.WatcherType;

/**
 * One client operation of a differential run. An op names the session slot that issues it and
 * carries only plain values, so the same op can be replayed against any server and printed in a
 * failure report. Data is hex ({@code null} = a null buffer), so reports stay readable.
 */
public sealed interface Op {

    /** The session slot (0 .. slots-1) that issues the op. */
    int slot();

    /** Closes the slot's session, if any, and opens a new one asking for {@code timeoutMillis}. */
    record Connect(int slot, int timeoutMillis) implements Op {}

    /** create (opcode 1/19), or create2 (15/19/21) when {@code withStat}; {@code ttl} is -1 for non-TTL modes. */
    record Create(int slot, String path, String data, AclChoice acl, CreateMode mode, long ttl, boolean withStat)
            implements Op {}

    record Delete(int slot, String path, int version) implements Op {}

    record SetData(int slot, String path, String data, int version) implements Op {}

    record Exists(int slot, String path, boolean watch) implements Op {}

    record GetData(int slot, String path, boolean watch) implements Op {}

    /** getChildren (8), or getChildren2 (12) when {@code withStat}. */
    record GetChildren(int slot, String path, boolean watch, boolean withStat) implements Op {}

    record GetAcl(int slot, String path) implements Op {}

    record SetAcl(int slot, String path, AclChoice acl, int version) implements Op {}

    record GetAllChildrenNumber(int slot, String path) implements Op {}

    record GetEphemerals(int slot, String prefix) implements Op {}

    record Sync(int slot, String path) implements Op {}

    record Multi(int slot, List<Write> writes) implements Op {
        public Multi {
            writes = List.copyOf(writes);
        }
    }

    record MultiRead(int slot, List<Read> reads) implements Op {
        public MultiRead {
            reads = List.copyOf(reads);
        }
    }

    record AddWatch(int slot, String path, AddWatchMode mode) implements Op {}

    /** checkWatches (17) through {@code removeWatches(path, watcher, ..)}, or removeWatches (18) when {@code all}. */
    record RemoveWatches(int slot, String path, WatcherType type, boolean all) implements Op {}

    /** addauth digest {@code user:password}. */
    record AddAuth(int slot, String user) implements Op {}

    record WhoAmI(int slot) implements Op {}

    /** An op inside a multi. */
    sealed interface Write {}

    record CreateIn(String path, String data, AclChoice acl, CreateMode mode) implements Write {}

    record DeleteIn(String path, int version) implements Write {}

    record SetDataIn(String path, String data, int version) implements Write {}

    record CheckIn(String path, int version) implements Write {}

    /** An op inside a multiRead: getData, or getChildren when {@code children}. */
    record Read(String path, boolean children) {}
}
