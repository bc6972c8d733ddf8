/**
 * Watch bookkeeping with Apache ZooKeeper 3.9's semantics: the data and child watch tables,
 * standard, persistent and persistent-recursive modes, which events a change raises and for
 * whom, removeWatches/checkWatches and the setWatches replay after a reconnect.
 *
 * <p>{@link org.zkplatform.zab.watch.WatchManager} is pure bookkeeping: it never sends
 * anything, it returns the {@link org.zkplatform.zab.watch.WatchNotification}s to send.
 */
package org.zkplatform.zab.watch;
