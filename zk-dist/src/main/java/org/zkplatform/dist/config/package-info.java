/**
 * Configuration: HOCON from every module's {@code reference.conf}, the operator's file (HOCON,
 * or an Apache ZooKeeper {@code zoo.cfg} translated on the fly), and {@code -Dzk.…} overrides,
 * merged in that order, checked for unknown keys, and offered to the rest of the server as
 * {@link org.zkplatform.api.Settings}.
 */
package org.zkplatform.dist.config;
