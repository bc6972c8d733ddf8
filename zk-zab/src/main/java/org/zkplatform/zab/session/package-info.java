/**
 * Session bookkeeping with Apache ZooKeeper 3.9's semantics: session ids, passwords, timeouts
 * and tick-bucketed expiry ({@link org.zkplatform.zab.session.SessionTracker}).
 */
package org.zkplatform.zab.session;
