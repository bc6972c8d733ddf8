package org.zkplatform.zab.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.zkplatform.api.auth.Id;

/**
 * The ids a connection has authenticated as, without repeats, in the order ZooKeeper keeps them:
 * a hash set over its jute Id hash. Clients see that order (whoAmI, and the ACL an {@code auth}
 * entry expands to), so we keep it too.
 */
final class AuthIds {

    /** An id hashed as ZooKeeper's generated Id record hashes. */
    private record Key(Id id) {
        @Override
        public int hashCode() {
            return 37 * (37 * 17 + id.scheme().hashCode()) + id.id().hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && ((Key) other).id.equals(id);
        }
    }

    private final Set<Key> ids = ConcurrentHashMap.newKeySet();
    private List<Id> list = List.of();

    /** Adds {@code id} unless the connection has it already. */
    void add(Id id) {
        if (ids.add(new Key(id))) {
            List<Id> ordered = new ArrayList<>(ids.size());
            for (Key key : ids) {
                ordered.add(key.id);
            }
            list = List.copyOf(ordered);
        }
    }

    /** The ids, in ZooKeeper's order. */
    List<Id> list() {
        return list;
    }
}
