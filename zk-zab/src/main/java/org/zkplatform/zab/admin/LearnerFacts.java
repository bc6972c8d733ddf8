package org.zkplatform.zab.admin;

/**
 * One learner as its leader sees it.
 *
 * @param synced whether it acknowledged NEWLEADER and receives proposals
 * @param lagTxns proposals it has not acknowledged yet (0 for an observer, which acknowledges none)
 */
public record LearnerFacts(long serverId, boolean observer, boolean synced, long lagTxns) {
}
