/**
 * The launcher: reads HOCON (or an Apache ZooKeeper zoo.cfg), finds providers in the boot layer
 * and in a child layer over {@code plugins/}, composes the server with Guice, and runs it until
 * SIGTERM. Also the command-line tools: {@code zk-tool} for data dirs and {@code zk-cli}, a
 * ZooKeeper shell on a client of its own.
 */
module org.zkplatform.dist {
    requires org.zkplatform.api;
    requires org.zkplatform.zab;
    // zk-tool reads the file storage directly: read-only, one file at a time.
    requires org.zkplatform.storage;
    requires org.slf4j;
    requires com.google.guice;
    requires jakarta.inject;
    requires typesafe.config;
    // bin/zk-cli: line editing, history and completion when the shell runs in a terminal.
    requires org.jline;

    uses org.zkplatform.api.auth.AuthenticationProvider;
    uses org.zkplatform.api.election.ElectionProvider;
    uses org.zkplatform.api.storage.StorageProvider;
    uses org.zkplatform.api.transport.TransportProvider;

    opens org.zkplatform.dist.compose to com.google.guice;
}
