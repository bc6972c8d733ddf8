/**
 * Test support shared by the modules' tests: the linearizability checker of recorded client
 * histories, used by the end-to-end tests (zk-dist) and the ensemble simulation (zk-sim). Never
 * part of the distribution.
 */
module org.zkplatform.testkit {
    exports org.zkplatform.testkit.linearizability;
}
