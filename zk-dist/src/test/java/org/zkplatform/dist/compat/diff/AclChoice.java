package org.zkplatform.dist.compat.diff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * The ACLs a run uses: the well-known ones, an explicit digest id (getACL masks it without ADMIN)
 * and some the server must reject with InvalidACL. The Java client itself rejects an empty list,
 * so none is here.
 */
public enum AclChoice {
    OPEN(Ids.OPEN_ACL_UNSAFE),
    READ(Ids.READ_ACL_UNSAFE),
    /** InvalidACL unless the session has added a digest auth; expands to all of them. */
    CREATOR_ALL(Ids.CREATOR_ALL_ACL),
    /** Everything for alice, read for anyone; written as an explicit digest id. */
    ALICE_AND_READ(List.of(new ACL(Perms.ALL, new Id("digest", digestId("alice"))),
            new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE))),
    /** Duplicates, which the server removes. */
    OPEN_TWICE(List.of(new ACL(Perms.ALL, Ids.ANYONE_ID_UNSAFE), new ACL(Perms.ALL, Ids.ANYONE_ID_UNSAFE))),
    /** No permission at all, which is legal. */
    NONE(List.of(new ACL(0, Ids.ANYONE_ID_UNSAFE))),
    BAD_SCHEME(List.of(new ACL(Perms.ALL, new Id("nosuchscheme", "x")))),
    BAD_DIGEST(List.of(new ACL(Perms.ALL, new Id("digest", "no-colon")))),
    BAD_IP(List.of(new ACL(Perms.ALL, new Id("ip", "not-an-address")))),
    BAD_WORLD(List.of(new ACL(Perms.ALL, new Id("world", "somebody"))));

    private final List<ACL> acl;

    AclChoice(List<ACL> acl) {
        // Not List.copyOf: the client asks contains(null), which immutable lists refuse.
        this.acl = Collections.unmodifiableList(new ArrayList<>(acl));
    }

    public List<ACL> acl() {
        return acl;
    }

    /** The {@code user:password} a session authenticates with for the digest scheme. */
    public static String credentials(String user) {
        return user + ":" + user + "-pw";
    }

    /** {@code user:base64(sha1(credentials))}, the id the digest scheme gives {@link #credentials}. */
    public static String digestId(String user) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA1").digest(credentials(user).getBytes(StandardCharsets.UTF_8));
            return user + ":" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
