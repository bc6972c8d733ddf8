package org.zkplatform.api.auth;

import java.util.List;

/**
 * The working part of an ACL scheme. Must be thread-safe: it is called from every connection.
 */
public interface Authenticator {

    /**
     * Handles {@code addauth <scheme> <credentials>} from a client.
     *
     * @return the ids the connection gains, or a failure, after which ZooKeeper closes the
     *     connection
     */
    AuthResult authenticate(AuthRequest request);

    /**
     * The ids a connection of this scheme gets as soon as it opens, without {@code addauth}
     * (the {@code ip} scheme gives the client address; {@code x509} the certificate's identity).
     */
    default List<Id> identify(AuthRequest connection) {
        return List.of();
    }

    /** Whether the authenticated {@code id} satisfies the ACL entry {@code aclId} of this scheme. */
    boolean matches(String id, String aclId);

    /** Whether {@code aclId} is a well-formed id of this scheme, for checking ACLs on create and setACL. */
    boolean isValid(String aclId);

    /**
     * Whether ids of this scheme identify a principal, so that the {@code auth} ACL scheme may
     * expand to them. {@code ip} ids do not.
     */
    default boolean isAuthenticated() {
        return true;
    }
}
