package org.zkplatform.dist.durability;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * One znode as a client sees it: its data (length and digest, so a large node stays readable in a
 * failure message; {@code null} data is kept apart from empty data), every Stat field, and its ACL.
 */
record NodeImage(String data, long czxid, long mzxid, long pzxid, long ctime, long mtime, int version, int cversion,
                 int aversion, long ephemeralOwner, int dataLength, int numChildren, List<String> acl) {

    static NodeImage of(byte[] data, Stat stat, List<ACL> acl) {
        return new NodeImage(summary(data), stat.getCzxid(), stat.getMzxid(), stat.getPzxid(), stat.getCtime(),
                stat.getMtime(), stat.getVersion(), stat.getCversion(), stat.getAversion(), stat.getEphemeralOwner(),
                stat.getDataLength(), stat.getNumChildren(),
                acl.stream().map(a -> a.getId().getScheme() + ":" + a.getId().getId() + ":" + a.getPerms()).toList());
    }

    /** The highest zxid this node's Stat mentions. */
    long highestZxid() {
        return Math.max(czxid, Math.max(mzxid, pzxid));
    }

    static String summary(byte[] data) {
        if (data == null) {
            return "null";
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(data);
            return data.length + " bytes, sha256 " + HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
