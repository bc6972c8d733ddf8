/**
 * What the server tells its admin endpoint: ZooKeeper's admin commands and their answers,
 * readiness, and the state a metrics scrape reads. Every value here is read on the driver thread
 * and handed over immutable, so the HTTP threads never touch the server's state.
 */
package org.zkplatform.zab.admin;
