package org.zkplatform.zab.auth;

import java.util.ArrayList;
import java.util.List;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;

/** What getACL shows of a node's ACL ({@code FinalRequestProcessor}, getACL). */
public final class AclMasking {

    private AclMasking() {
    }

    /**
     * The ACL as a reader sees it. A reader allowed ADMIN on the node (see
     * {@link AclChecker#allowed} with {@code Perms.ADMIN}) sees it whole; any other reader sees each
     * {@code digest} id with everything from its first colon replaced by {@code :x}, so
     * {@code alice:HASH} reads {@code alice:x}. Other schemes are shown unchanged.
     */
    public static List<Acl> forReader(List<Acl> acl, boolean hasAdmin) {
        if (hasAdmin) {
            return acl;
        }
        List<Acl> masked = new ArrayList<>(acl.size());
        for (Acl entry : acl) {
            Id id = entry.id();
            if (id.scheme().equals(DigestAuthenticationProvider.SCHEME)) {
                // The regular expression is ZooKeeper's; "." stops at a line break, so an id holding
                // one is masked line by line there, and here the same way.
                masked.add(new Acl(entry.perms(), new Id(id.scheme(), id.id().replaceAll(":.*", ":x"))));
            } else {
                masked.add(entry);
            }
        }
        return masked;
    }
}
