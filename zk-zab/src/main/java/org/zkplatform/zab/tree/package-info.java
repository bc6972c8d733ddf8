/**
 * The data tree: znodes with their data, ACLs and stats, and the rules for applying committed
 * txns to them. Owned by the server's driver thread; it knows nothing of clients or watches and
 * reports every change to a {@link org.zkplatform.zab.tree.TreeListener}.
 */
package org.zkplatform.zab.tree;
