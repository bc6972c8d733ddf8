package org.zkplatform.dist.bench;

/**
 * One leader kill under the write load. Times are milliseconds from just before the SIGKILL; -1
 * where it did not happen within the scenario's limit.
 *
 * @param round 1-based
 * @param killed the leader's server id, found by {@code srvr}
 * @param killedPid its process id
 * @param writesPerSecondBefore writes acknowledged per second in the {@code --warmup} before the kill
 * @param servingMillis until the surviving servers all served again, one of them as leader ({@code srvr}, polled)
 * @param newLeader that leader's id, -1 if none
 * @param firstWriteMillis until the first write issued after the leader was gone was acknowledged: the failover time
 * @param rejoinMillis from restarting the killed server until every server served again with one leader
 * @param failedWrites writes that failed during the round, by any code (connection loss is expected)
 * @param sessionsNotBack sessions still disconnected a minute after the rejoin
 */
record FailoverRound(int round, int killed, long killedPid, double writesPerSecondBefore, long servingMillis,
        int newLeader, long firstWriteMillis, long rejoinMillis, long failedWrites, int sessionsNotBack) {

    boolean acked() {
        return firstWriteMillis >= 0;
    }
}
