package org.zkplatform.zab.auth;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;

/**
 * ZooKeeper's permission check ({@code ZooKeeperServer.checkACL}, without the skipACL switch).
 * Immutable and thread-safe.
 */
public final class AclChecker {

    public static final Id ANYONE = new Id("world", "anyone");
    public static final String SUPER_SCHEME = "super";

    private final Map<String, Authenticator> authenticators;

    /** @param authenticators scheme to authenticator; copied */
    public AclChecker(Map<String, Authenticator> authenticators) {
        this.authenticators = Map.copyOf(requireNonNull(authenticators, "authenticators is null"));
    }

    /**
     * Whether a connection holding {@code authIds} may do what needs {@code perm} on a node whose
     * ACL is {@code nodeAcl}.
     *
     * <p>In order: a null or empty ACL allows everything; any auth id of scheme {@code super}
     * allows everything; otherwise an ACL entry sharing a bit with {@code perm} allows when it is
     * {@code world:anyone}, or when its scheme has an authenticator and one of the connection's
     * ids of that scheme {@link Authenticator#matches matches} it. Entries of schemes without an
     * authenticator ({@code world:} other than anyone, {@code auth}, {@code super}) allow nobody.
     *
     * @param perm one {@link org.zkplatform.zab.proto.Perms} bit, or several meaning "any of
     *     them": getACL passes {@code READ | ADMIN}, as ZooKeeper does
     */
    public boolean allowed(List<Acl> nodeAcl, int perm, List<Id> authIds) {
        requireNonNull(authIds, "authIds is null");
        if (nodeAcl == null || nodeAcl.isEmpty()) {
            return true;
        }
        for (Id authId : authIds) {
            if (authId.scheme().equals(SUPER_SCHEME)) {
                return true;
            }
        }
        for (Acl entry : nodeAcl) {
            if ((entry.perms() & perm) != 0 && grants(entry.id(), authIds)) {
                return true;
            }
        }
        return false;
    }

    private boolean grants(Id aclId, List<Id> authIds) {
        if (aclId.equals(ANYONE)) {
            return true;
        }
        Authenticator authenticator = authenticators.get(aclId.scheme());
        if (authenticator == null) {
            return false;
        }
        for (Id authId : authIds) {
            if (authId.scheme().equals(aclId.scheme()) && authenticator.matches(authId.id(), aclId.id())) {
                return true;
            }
        }
        return false;
    }
}
