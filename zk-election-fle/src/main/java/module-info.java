/**
 * Fast Leader Election (ZooKeeper's algorithm 3) and its quorum connection manager, over the
 * transport SPI. Its provider arrives with the election issue; until then this module only
 * reserves its place.
 */
module org.zkplatform.election.fle {
    requires org.zkplatform.api;
    requires org.slf4j;
}
