package org.zkplatform.transport.tls;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.zkplatform.api.Settings;
import org.zkplatform.api.auth.AuthenticationProvider;
import org.zkplatform.api.auth.Authenticator;

/**
 * The {@code x509} scheme: a connection over TLS with a verified client certificate carries
 * {@code x509:<id>}, so ACLs can grant by certificate. It lives with the TLS transport, which is
 * what verifies certificates, and needs only the SPI.
 *
 * <p>Settings ({@code zk.auth.x509}): {@code id-type}, which part of the certificate is the id:
 * {@code subject} (the RFC 2253 DN, ZooKeeper's default), {@code san-dns}, {@code san-uri},
 * {@code san-email} or {@code san-ip}; {@code san-match}, a regular expression the alternative name
 * must match in full (empty: any); {@code super-user}, an id that is also a superuser (ZooKeeper's
 * {@code zookeeper.X509AuthenticationProvider.superUser}; empty: none).
 */
public final class X509AuthenticationProvider implements AuthenticationProvider {

    public static final String SCHEME = "x509";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Authenticator create(Settings settings) {
        Set<String> types = Arrays.stream(X509IdType.values()).map(X509IdType::configName).collect(Collectors.toSet());
        String typeName = settings.has("id-type") ? settings.getChoice("id-type", types) : X509IdType.SUBJECT.configName();
        X509IdType idType = Arrays.stream(X509IdType.values()).filter(t -> t.configName().equals(typeName)).findFirst()
                .orElseThrow();
        String match = settings.has("san-match") ? settings.getString("san-match") : "";
        Pattern sanMatch;
        try {
            sanMatch = Pattern.compile(match.isEmpty() ? ".*" : match);
        } catch (PatternSyntaxException e) {
            throw settings.invalid("san-match", match, "a Java regular expression (" + e.getDescription() + ")");
        }
        String superUser = settings.has("super-user") ? settings.getString("super-user") : "";
        return new X509Authenticator(idType, sanMatch, superUser);
    }
}
