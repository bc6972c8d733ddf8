/**
 * The authentication SPI: ZooKeeper's ACL schemes ({@code digest}, {@code ip}, {@code x509}, and
 * any a plugin adds). An {@link org.zkplatform.api.auth.AuthenticationProvider} is found by
 * {@link java.util.ServiceLoader} and keyed by its scheme; it turns what a client presents (an
 * {@code addauth} credential, its address, its certificate) into {@link org.zkplatform.api.auth.Id}s,
 * and decides whether an id matches an ACL entry of its scheme.
 */
package org.zkplatform.api.auth;
