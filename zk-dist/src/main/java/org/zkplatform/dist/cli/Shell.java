package org.zkplatform.dist.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zkplatform.dist.cli.client.ClientConfig;
import org.zkplatform.dist.cli.client.ConnectionException;
import org.zkplatform.dist.cli.client.HostPort;
import org.zkplatform.dist.cli.client.WatchEvent;
import org.zkplatform.dist.cli.client.ZkClient;
import org.zkplatform.dist.cli.client.ZkException;
import org.zkplatform.zab.proto.EventType;
import org.zkplatform.zab.proto.KeeperState;

/**
 * The shell's state between commands: the session (if any), the server list, the lines run so
 * far, whether watch events are printed; and the running of one line, with its failure printed
 * as one line on stderr and turned into an exit code. Used from one thread; only the watch
 * listener runs on the client's reader thread.
 */
final class Shell implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Shell.class);

    private final Printer printer;
    private final int timeoutMs;
    /** Interactive shells announce the first connection as zkCli does; scripts and one-shot runs do not. */
    private final boolean interactive;
    /** Whether the first command that needs a session opens one; a one-shot run connects only then. */
    private boolean connectOnDemand;
    private final List<String> history = new ArrayList<>();
    private List<HostPort> servers;
    private ZkClient client;
    private volatile boolean printWatches = true;
    private boolean quit;

    Shell(List<HostPort> servers, int timeoutMs, Printer printer, boolean interactive, boolean connectOnDemand) {
        this.servers = List.copyOf(servers);
        this.timeoutMs = timeoutMs;
        this.printer = Objects.requireNonNull(printer, "printer is null");
        this.interactive = interactive;
        this.connectOnDemand = connectOnDemand;
    }

    /** Runs one line typed or read from a script; blank lines and {@code #} comments do nothing. */
    CliExit runLine(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return CliExit.OK;
        }
        history.add(trimmed);
        try {
            return run(LineSplitter.split(trimmed));
        } catch (CliException e) {
            printer.error(e.getMessage());
            return e.exit();
        }
    }

    /** Runs one command given as words, printing its failure, if any, as one line. */
    CliExit run(List<String> words) {
        try {
            CommandParser.parse(words).run(this);
            return CliExit.OK;
        } catch (CliException e) {
            printer.error(e.getMessage());
            return e.exit();
        } catch (ZkException e) {
            CliException failure = ErrorText.of(e);
            printer.error(failure.getMessage());
            return failure.exit();
        } catch (RuntimeException e) {
            // A bug, not an expected failure: one line keeps a shell or a script going; the
            // stack trace is in the log at DEBUG (conf/logback-cli.xml).
            LOG.debug("Command {} failed", words, e);
            printer.error("Internal error: " + e);
            return CliExit.FAILED;
        }
    }

    /** Opens a session on {@code list}, closing the current one first. */
    void connect(List<HostPort> list) throws CliException {
        closeClient();
        servers = List.copyOf(list);
        try {
            client = ZkClient.connect(new ClientConfig(servers, timeoutMs), this::onEvent);
        } catch (ConnectionException e) {
            throw new CliException(CliExit.CONNECTION, e.getMessage());
        }
        if (interactive) {
            onEvent(new WatchEvent(KeeperState.SYNC_CONNECTED, EventType.NONE, null, -1));
        }
    }

    /** Closes the session, if there is one; commands then fail until {@code connect}. */
    void disconnect() {
        connectOnDemand = false;
        closeClient();
    }

    private void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** The session's client, connecting first if this shell connects on demand. */
    ZkClient client() throws CliException {
        if (client == null && connectOnDemand) {
            connectOnDemand = false;
            connect(servers);
        }
        if (client == null) {
            throw new CliException(CliExit.CONNECTION, "Not connected; use connect [host:port]");
        }
        return client;
    }

    Optional<ZkClient> currentClient() {
        return Optional.ofNullable(client);
    }

    /** The server four-letter words go to: the session's, else the first of the list. */
    HostPort fourLetterWordServer() {
        return client != null ? client.server() : servers.get(0);
    }

    List<HostPort> servers() {
        return servers;
    }

    int timeoutMs() {
        return timeoutMs;
    }

    Printer printer() {
        return printer;
    }

    /** Every line run so far, the first numbered 0. */
    List<String> history() {
        return List.copyOf(history);
    }

    boolean printsWatches() {
        return printWatches;
    }

    void printWatches(boolean on) {
        printWatches = on;
    }

    void quit() {
        quit = true;
    }

    boolean quitting() {
        return quit;
    }

    /** zkCli's prompt: {@code [zk: 127.0.0.1:2181(CONNECTED) 3] }. */
    String prompt() {
        String state = client == null ? "CLOSED" : client.state().name();
        return "[zk: " + servers.stream().map(HostPort::toString).collect(Collectors.joining(",")) + "(" + state + ") "
                + history.size() + "] ";
    }

    @Override
    public void close() {
        closeClient();
    }

    /** On the client's reader thread: prints the event as zkCli does, unless told not to. */
    private void onEvent(WatchEvent event) {
        // A failed addauth reports itself as the command's error; the event would say it twice.
        if (!printWatches || event.state() == KeeperState.AUTH_FAILED) {
            return;
        }
        printer.event(EventFormat.block(event));
    }
}
