package org.zkplatform.zab.request;

import java.util.List;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;

/** ACL decisions, as prep and reads need them. */
public interface AccessPolicy {

    /** Whether a connection with {@code ids} holds {@code perm} (any of its bits) on a node with {@code acl}. */
    boolean allowed(List<Acl> acl, int perm, List<Id> ids);

    /**
     * The ACL to store for a create or setACL: duplicates removed, {@code auth} expanded to the
     * connection's authenticated ids; null if the ACL is invalid.
     */
    List<Acl> fixup(List<Acl> acl, List<Id> ids);
}
