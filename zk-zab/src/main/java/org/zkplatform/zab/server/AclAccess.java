package org.zkplatform.zab.server;

import java.util.List;
import java.util.Map;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.auth.AclChecker;
import org.zkplatform.zab.auth.AclFixup;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.request.AccessPolicy;

/** Prep's access decisions, by ZooKeeper's ACL rules over the configured authentication schemes. */
public final class AclAccess implements AccessPolicy {

    private final AclChecker checker;
    private final AclFixup fixup;

    public AclAccess(Map<String, Authenticator> authenticators) {
        this.checker = new AclChecker(authenticators);
        this.fixup = new AclFixup(authenticators);
    }

    @Override
    public boolean allowed(List<Acl> acl, int perm, List<Id> ids) {
        return checker.allowed(acl, perm, ids);
    }

    @Override
    public List<Acl> fixup(List<Acl> acl, List<Id> ids) {
        AclFixup.Result result = fixup.fixup(acl, ids);
        return result instanceof AclFixup.Fixed ? ((AclFixup.Fixed) result).acl() : null;
    }
}
