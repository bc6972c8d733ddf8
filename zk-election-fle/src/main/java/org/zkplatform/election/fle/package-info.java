/**
 * Fast Leader Election. Empty until the election issue: a pure election round driven by
 * notifications and ticks, and a thin shell of connections and queues around it.
 */
package org.zkplatform.election.fle;
