package org.zkplatform.transport.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.zkplatform.api.auth.AuthRequest;
import org.zkplatform.api.auth.AuthResult;
import org.zkplatform.api.auth.Authenticator;
import org.zkplatform.api.auth.Id;

/**
 * The working part of the {@code x509} scheme; made by {@link X509AuthenticationProvider}. The
 * certificate was verified by the TLS handshake; this only names it.
 */
final class X509Authenticator implements Authenticator {

    /** The scheme of the id a superuser gains, which passes every ACL check. */
    static final String SUPER_SCHEME = "super";

    private final X509IdType idType;
    private final Pattern sanMatch;
    private final String superUser;

    /**
     * @param sanMatch which alternative names qualify, for the {@code san-*} id types
     * @param superUser the id that is also a superuser; empty for none
     */
    X509Authenticator(X509IdType idType, Pattern sanMatch, String superUser) {
        this.idType = idType;
        this.sanMatch = sanMatch;
        this.superUser = superUser;
    }

    /**
     * The client certificate's id, and {@code super:<id>} first when it is the superuser (as
     * ZooKeeper's X509AuthenticationProvider adds them); nothing without a certificate.
     */
    @Override
    public List<Id> identify(AuthRequest connection) {
        Optional<String> id = connection.peerIdentity().flatMap(peer -> idType.idOf(peer.certificate(), sanMatch));
        if (id.isEmpty()) {
            return List.of();
        }
        List<Id> ids = new ArrayList<>(2);
        if (!superUser.isEmpty() && superUser.equals(id.get())) {
            ids.add(new Id(SUPER_SCHEME, id.get()));
        }
        ids.add(new Id(X509AuthenticationProvider.SCHEME, id.get()));
        return List.copyOf(ids);
    }

    /** {@code addauth x509} gives the same ids; without a usable client certificate it fails, as in ZooKeeper. */
    @Override
    public AuthResult authenticate(AuthRequest request) {
        List<Id> ids = identify(request);
        if (ids.isEmpty()) {
            return AuthResult.failure("no verified client certificate with a " + idType.configName() + " id from "
                    + request.remoteAddress());
        }
        return new AuthResult.Success(ids);
    }

    /** Exact equality, or the superuser, as in ZooKeeper: ACL ids are written as the id renders. */
    @Override
    public boolean matches(String id, String aclId) {
        return (!superUser.isEmpty() && superUser.equals(id)) || id.equals(aclId);
    }

    /** For subject ids, a DN {@link X500Principal} parses, as ZooKeeper checks; for the others, any non-empty text. */
    @Override
    public boolean isValid(String aclId) {
        if (idType != X509IdType.SUBJECT) {
            return !aclId.isEmpty();
        }
        try {
            new X500Principal(aclId);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
