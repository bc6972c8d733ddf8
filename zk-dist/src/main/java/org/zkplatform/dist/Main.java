package org.zkplatform.dist;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process entry point. Runs the server until SIGTERM (or Ctrl-C), then stops it in order.
 * A startup failure is logged as one line and ends the process with its {@link ExitCode}.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Launcher.Running running;
        try {
            running = Launcher.start(LaunchOptions.parse(args));
        } catch (StartupException e) {
            LOG.error(e.getMessage());
            System.exit(e.exitCode().code());
            return;
        } catch (RuntimeException | Error e) {
            LOG.error("Unexpected failure while starting", e);
            System.exit(ExitCode.UNEXPECTED.code());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            running.stop();
            LOG.info("Shut down");
            stopped.countDown();
        }, "zk-shutdown"));
        // A server that can no longer keep its promises exits, so its supervisor restarts it.
        running.server().failure().thenAccept(cause -> {
            LOG.error("Stopping: the server failed ({})", cause.toString());
            System.exit(ExitCode.UNEXPECTED.code());
        });
        LOG.info("Server started");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
