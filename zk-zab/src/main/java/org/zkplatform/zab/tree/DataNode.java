package org.zkplatform.zab.tree;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.Stat;
import org.zkplatform.zab.proto.StatPersisted;

/**
 * One znode. Mutable, changed only by {@link DataTree} on the driver thread. The stat is kept
 * as plain fields rather than a Stat object, and children only once there are some: most nodes
 * are leaves, and this is the object the server holds millions of.
 */
public final class DataNode {

    byte[] data;
    List<Acl> acl;
    long czxid;
    long mzxid;
    long pzxid;
    long ctime;
    long mtime;
    int version;
    /** Creates of children, as ZooKeeper stores it; drives sequence numbers. */
    int cversion;
    int aversion;
    long ephemeralOwner;
    private Set<String> children;

    DataNode(byte[] data, List<Acl> acl, long zxid, long time, long ephemeralOwner) {
        this.data = data;
        this.acl = acl;
        this.czxid = zxid;
        this.mzxid = zxid;
        this.pzxid = zxid;
        this.ctime = time;
        this.mtime = time;
        this.ephemeralOwner = ephemeralOwner;
    }

    public byte[] data() {
        return data;
    }

    public List<Acl> acl() {
        return acl;
    }

    public int version() {
        return version;
    }

    public int aversion() {
        return aversion;
    }

    /** The stored cversion: creates of children, as sequence numbers count them. */
    public int storedCversion() {
        return cversion;
    }

    public long ephemeralOwner() {
        return ephemeralOwner;
    }

    public long mzxid() {
        return mzxid;
    }

    public long pzxid() {
        return pzxid;
    }

    public long mtime() {
        return mtime;
    }

    public int childCount() {
        return children == null ? 0 : children.size();
    }

    /** The children's names; a read-only view, valid until the next change. */
    public Set<String> children() {
        return children == null ? Set.of() : Collections.unmodifiableSet(children);
    }

    void addChild(String name) {
        if (children == null) {
            children = new HashSet<>(8); // ZooKeeper's size: same iteration order of children
        }
        children.add(name);
    }

    void removeChild(String name) {
        if (children != null) {
            children.remove(name);
        }
    }

    /** The stat clients see: cversion counts deletes as well, and only sessions own ephemerals. */
    public Stat stat() {
        int numChildren = childCount();
        return new Stat(czxid, mzxid, ctime, mtime, version, cversion * 2 - numChildren, aversion,
                EphemeralOwner.clientView(ephemeralOwner), data == null ? 0 : data.length, numChildren, pzxid);
    }

    /** The stat as snapshots store it. */
    public StatPersisted persistedStat() {
        return new StatPersisted(czxid, mzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner, pzxid);
    }
}
