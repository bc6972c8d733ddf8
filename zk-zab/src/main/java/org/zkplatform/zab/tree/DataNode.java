package org.zkplatform.zab.tree;

import java.util.List;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.Stat;
import org.zkplatform.zab.proto.StatPersisted;

/**
 * One znode. Mutable, changed only by {@link DataTree} on the driver thread, under the node's
 * lock where a snapshot may read it. This is the object the server holds millions of, so it is
 * kept small: the stat as plain fields rather than a Stat object, its own path (the same string
 * the path table and its parent's children use), and a children table only once there are some.
 */
public final class DataNode {

    final String path;
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
    private ChildSet children;

    DataNode(String path, byte[] data, List<Acl> acl, long zxid, long time, long ephemeralOwner) {
        this.path = path;
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

    public String path() {
        return path;
    }

    public int childCount() {
        return children == null ? 0 : children.size();
    }

    /** The children's names, in no particular order (as ZooKeeper promises none). */
    public List<String> childNames() {
        return children == null ? List.of() : children.names();
    }

    /** The child nodes themselves. */
    List<DataNode> childNodes() {
        return children == null ? List.of() : children.nodes();
    }

    void addChild(DataNode child) {
        if (children == null) {
            children = new ChildSet();
        }
        children.add(child);
    }

    void removeChild(DataNode child) {
        if (children != null) {
            children.remove(child);
            if (children.size() == 0) {
                children = null;
            }
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
