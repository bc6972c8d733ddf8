package org.zkplatform.dist.compose;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.api.transport.TransportException;
import org.zkplatform.dist.admin.AdminConfig;
import org.zkplatform.dist.admin.AdminServer;
import org.zkplatform.dist.admin.JvmPauseMonitor;
import org.zkplatform.dist.admin.PauseMonitorConfig;
import org.zkplatform.zab.ZkServer;

/**
 * The admin HTTP endpoint and the JVM pause monitor, each only when enabled. The endpoint is made
 * after the server (it reads it), so the lifecycle closes it first; the launcher starts it once
 * the server has started.
 */
public final class AdminModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(AdminModule.class);

    private final AdminConfig admin;
    private final PauseMonitorConfig pauseMonitor;
    private final Lifecycle lifecycle;

    public AdminModule(AdminConfig admin, PauseMonitorConfig pauseMonitor, Lifecycle lifecycle) {
        this.admin = admin;
        this.pauseMonitor = pauseMonitor;
        this.lifecycle = lifecycle;
    }

    /** Started at once, so it also reports pauses while the database loads. */
    @Provides
    @Singleton
    Optional<JvmPauseMonitor> pauseMonitor() {
        if (!pauseMonitor.enabled()) {
            return Optional.empty();
        }
        JvmPauseMonitor monitor = lifecycle.add("JVM pause monitor", new JvmPauseMonitor(pauseMonitor));
        monitor.start();
        return Optional.of(monitor);
    }

    @Provides
    @Singleton
    Optional<AdminServer> adminServer(ZkServer server, Optional<JvmPauseMonitor> pauses) {
        if (!admin.enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(lifecycle.add("admin endpoint", new AdminServer(admin, server, pauses)));
        } catch (TransportException e) {
            // As ZooKeeper's peers do: servers sharing a host and zoo.cfg defaults (8080) must all serve.
            LOG.warn("Admin endpoint not started: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
