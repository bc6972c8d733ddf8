/**
 * ZooKeeper's built-in ACL schemes and the rules around them: the {@code digest} and {@code ip}
 * authenticators, the permission check run before every guarded operation, the fix-up applied to
 * ACLs on create and setACL, and the masking of digest ids in getACL replies.
 *
 * <p>Every class here mirrors the observable behaviour of ZooKeeper 3.9 (DigestAuthenticationProvider,
 * IPAuthenticationProvider, ZooKeeperServer.checkACL, PrepRequestProcessor.fixupACL and the getACL
 * branch of FinalRequestProcessor), including its quirks, because clients see the results on the
 * wire. Nothing here holds mutable state, so every object may be shared by all connections.
 */
package org.zkplatform.zab.auth;
