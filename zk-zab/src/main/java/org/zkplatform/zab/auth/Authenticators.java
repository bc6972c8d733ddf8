package org.zkplatform.zab.auth;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;

/** The authenticators of the ACL schemes this server knows, by scheme. Immutable. */
public final class Authenticators {

    private final Map<String, Authenticator> byScheme;

    /** @param byScheme scheme to authenticator; copied */
    public Authenticators(Map<String, Authenticator> byScheme) {
        requireNonNull(byScheme, "byScheme is null");
        // Sorted, so that identify() lists ids in the same order on every run.
        this.byScheme = Collections.unmodifiableMap(new TreeMap<>(byScheme));
    }

    /**
     * The ids a new connection holds before any {@code addauth}: what each authenticator's
     * {@link Authenticator#identify} gives, in scheme order, without repeats. With the built-in
     * schemes that is {@code ip:<client address>}, which ZooKeeper gives every connection.
     */
    public List<Id> identify(AuthRequest connection) {
        requireNonNull(connection, "connection is null");
        List<Id> ids = new ArrayList<>();
        for (Authenticator authenticator : byScheme.values()) {
            for (Id id : authenticator.identify(connection)) {
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return List.copyOf(ids);
    }

    public Optional<Authenticator> forScheme(String scheme) {
        return Optional.ofNullable(byScheme.get(requireNonNull(scheme, "scheme is null")));
    }

    /** Scheme to authenticator, unmodifiable, for {@link AclChecker} and {@link AclFixup}. */
    public Map<String, Authenticator> asMap() {
        return byScheme;
    }
}
