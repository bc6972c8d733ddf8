package org.zkplatform.dist.compat.suite;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * Works around JVM-wide state of the in-process Apache server. Apache's
 * {@link DigestAuthenticationProvider} reads the super digest into a static final field when the
 * class is initialised, so only the first value a JVM sets ever counts. The suite therefore fixes
 * the superuser {@code super:secret} for every Apache server it starts, before anything loads that
 * class; {@link #superDigestPinned()} tells whether that worked (it cannot when another test in the
 * same JVM started an Apache server first).
 */
final class ApacheQuirks {

    static final String SUPER_USER = "super";
    static final String SUPER_PASSWORD = "secret";
    private static final String SUPER_DIGEST_PROPERTY = "zookeeper.DigestAuthenticationProvider.superDigest";
    private static final String PINNED = sha1Digest(SUPER_USER + ":" + SUPER_PASSWORD);

    private ApacheQuirks() {
    }

    static synchronized void pinSuperDigest() {
        System.setProperty(SUPER_DIGEST_PROPERTY, PINNED);
        try {
            Class.forName(DigestAuthenticationProvider.class.getName(), true, ApacheQuirks.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The super digest servers are started with, from Apache's own generator (after pinning, which loads it). */
    static String superUserDigest() {
        pinSuperDigest();
        try {
            return DigestAuthenticationProvider.generateDigest(SUPER_USER + ":" + SUPER_PASSWORD);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean superDigestPinned() {
        pinSuperDigest();
        try {
            Field field = DigestAuthenticationProvider.class.getDeclaredField("superDigest");
            field.setAccessible(true);
            return PINNED.equals(field.get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code user:base64(sha1(user:password))}, computed without touching Apache's classes. */
    private static String sha1Digest(String userAndPassword) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA1").digest(userAndPassword.getBytes(StandardCharsets.UTF_8));
            return userAndPassword.substring(0, userAndPassword.indexOf(':')) + ":" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
