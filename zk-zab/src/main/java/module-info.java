/**
 * The server core: peer lifecycle, ZAB, the request pipeline, the data tree, sessions, watches,
 * ACLs, the client wire protocol and four-letter words. Depends on the SPI only, never on a
 * transport, election or storage implementation.
 */
@SuppressWarnings("module") // qualified exports name the launcher, built after this module
module org.zkplatform.zab {
    requires transitive org.zkplatform.api;
    requires org.slf4j;
    // File-descriptor counts for mntr.
    requires jdk.management;

    exports org.zkplatform.zab;
    // What the admin endpoint and the metrics exporter read; plain records and counters.
    exports org.zkplatform.zab.admin;
    exports org.zkplatform.zab.metrics;
    exports org.zkplatform.zab.persistence to org.zkplatform.dist;
    // The wire records and their codec, for bin/zk-cli's own client: one definition of the protocol.
    exports org.zkplatform.zab.proto to org.zkplatform.dist;

    provides org.zkplatform.api.auth.AuthenticationProvider
            with org.zkplatform.zab.auth.DigestAuthenticationProvider,
                 org.zkplatform.zab.auth.IpAuthenticationProvider;
}
