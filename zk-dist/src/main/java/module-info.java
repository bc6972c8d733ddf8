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
    // The admin endpoint: the JDK's HTTP server, GC figures for the pause monitor, and Prometheus's
    // client (automatic modules) for /metrics.
    requires jdk.httpserver;
    requires java.management;
    requires io.prometheus.metrics.model;
    requires io.prometheus.metrics.core;
    requires io.prometheus.writer.text;
    requires io.prometheus.metrics.instrumentation.jvm;

    uses org.zkplatform.api.auth.AuthenticationProvider;
    uses org.zkplatform.api.election.ElectionProvider;
    uses org.zkplatform.api.storage.StorageProvider;
    uses org.zkplatform.api.transport.TransportProvider;

    opens org.zkplatform.dist.compose to com.google.guice;
}
