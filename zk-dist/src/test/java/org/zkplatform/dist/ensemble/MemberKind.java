package org.zkplatform.dist.ensemble;

/**
 * Which server runs an ensemble member: both start from the member's zoo.cfg and data dir (its
 * myid there), so a member can be stopped as one kind and started as the other, as an operator
 * replacing Apache ZooKeeper one server at a time would.
 */
enum MemberKind {

    /** Our distribution, through {@code bin/zk-server start}. */
    ZKPLATFORM,

    /** Apache ZooKeeper 3.9.5's {@code QuorumPeerMain}, from the test class path. */
    APACHE
}
