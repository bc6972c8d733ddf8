package org.zkplatform.zab.auth;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;
import org.zkplatform.zab.proto.Acl;

/**
 * ZooKeeper's check and expansion of the ACL a client gives to create or setACL
 * ({@code PrepRequestProcessor.fixupACL}). Immutable and thread-safe.
 */
public final class AclFixup {

    public static final String AUTH_SCHEME = "auth";

    /** The outcome of {@link #fixup}: the ACL to store, or a refusal (error -114, InvalidACL). */
    public sealed interface Result permits Fixed, Invalid {
    }

    /** The ACL to store. */
    public record Fixed(List<Acl> acl) implements Result {
        public Fixed {
            acl = List.copyOf(requireNonNull(acl, "acl is null"));
        }
    }

    /** The ACL is refused; {@code reason} is for logs only. */
    public record Invalid(String reason) implements Result {
        public Invalid {
            requireNonNull(reason, "reason is null");
        }
    }

    private final Map<String, Authenticator> authenticators;

    /** @param authenticators scheme to authenticator; copied */
    public AclFixup(Map<String, Authenticator> authenticators) {
        this.authenticators = Map.copyOf(requireNonNull(authenticators, "authenticators is null"));
    }

    /**
     * Fixes {@code requested} for a connection holding {@code authIds}.
     *
     * <ol>
     *   <li>Repeated entries (same perms and id) are dropped, keeping the first.
     *   <li>A null or empty list, or a null entry, is invalid.
     *   <li>{@code world:anyone} is kept as it is.
     *   <li>An {@code auth} entry, whatever its id, becomes one entry with its perms for each of the
     *       connection's ids whose scheme has an authenticator that
     *       {@link Authenticator#isAuthenticated() authenticates} ({@code digest}, {@code x509}; not
     *       {@code ip}, not {@code super}), in the connection's order. It is invalid when there is
     *       none. As in ZooKeeper, the expansion is not checked for repeats again, so
     *       {@code [auth, digest:u:h]} by {@code u} stores {@code digest:u:h} twice.
     *   <li>Any other entry needs an authenticator for its scheme whose
     *       {@link Authenticator#isValid isValid} accepts the id, else the whole list is invalid.
     * </ol>
     *
     * Perms are not checked.
     */
    public Result fixup(List<Acl> requested, List<Id> authIds) {
        requireNonNull(authIds, "authIds is null");
        List<Acl> unique = removeDuplicates(requested);
        if (unique.isEmpty()) {
            return new Invalid("the ACL is empty");
        }
        List<Acl> fixed = new ArrayList<>();
        for (Acl entry : unique) {
            if (entry == null) {
                return new Invalid("the ACL has a null entry");
            }
            Id id = entry.id();
            if (id.equals(AclChecker.ANYONE)) {
                fixed.add(entry);
            } else if (id.scheme().equals(AUTH_SCHEME)) {
                int before = fixed.size();
                for (Id authId : authIds) {
                    Authenticator authenticator = authenticators.get(authId.scheme());
                    if (authenticator != null && authenticator.isAuthenticated()) {
                        fixed.add(new Acl(entry.perms(), authId));
                    }
                }
                if (fixed.size() == before) {
                    return new Invalid("an auth entry, but the connection has no authenticated id");
                }
            } else {
                Authenticator authenticator = authenticators.get(id.scheme());
                if (authenticator == null) {
                    return new Invalid("unknown scheme: " + id.scheme());
                }
                if (!authenticator.isValid(id.id())) {
                    return new Invalid("malformed " + id.scheme() + " id: " + id.id());
                }
                fixed.add(entry);
            }
        }
        return new Fixed(fixed);
    }

    /** The entries in order without repeats; null entries are kept (once) for the caller to refuse. */
    private static List<Acl> removeDuplicates(List<Acl> acl) {
        List<Acl> unique = new ArrayList<>();
        if (acl == null) {
            return unique;
        }
        for (Acl entry : acl) {
            if (!unique.contains(entry)) {
                unique.add(entry);
            }
        }
        return unique;
    }
}
