/**
 * Fast Leader Election (ZooKeeper's algorithm 3) and its quorum connection manager, over the
 * transport SPI. The launcher finds it by its algorithm number through {@link java.util.ServiceLoader};
 * nothing else is exported.
 */
module org.zkplatform.election.fle {
    requires org.zkplatform.api;
    requires org.slf4j;

    provides org.zkplatform.api.election.ElectionProvider
            with org.zkplatform.election.fle.FastElectionProvider;
}
