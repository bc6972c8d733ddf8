package org.zkplatform.dist.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.zkplatform.dist.cli.client.FourLetterWord;
import org.zkplatform.dist.cli.client.HostPort;
import org.zkplatform.dist.cli.client.ZkException;
import org.zkplatform.zab.proto.ClientInfo;
import org.zkplatform.zab.proto.GetDataResponse;

/** The commands about the session and the server: sync, config, whoami, four-letter words, connect, close. */
final class SessionCommands {

    /** Where ZooKeeper keeps the ensemble's configuration. */
    static final String CONFIG_NODE = "/zookeeper/config";

    private SessionCommands() {
    }

    static List<Syntax> syntaxes() {
        List<Syntax> syntaxes = new ArrayList<>(List.of(
                new Syntax("sync", "sync path", Set.of(), Set.of(), 1, 1, args -> new Sync(args.path(0))),
                new Syntax("config", "config [-s] [-w]", Set.of("-s", "-w"), Set.of(), 0, 0,
                        args -> new Config(args.has("-s"), args.has("-w"))),
                new Syntax("whoami", "whoami", Set.of(), Set.of(), 0, 0, args -> new WhoAmI()),
                new Syntax("connect", "connect [host:port[,host:port...]]", Set.of(), Set.of(), 0, 1,
                        args -> new Connect(args.optionalArgument(0).isEmpty() ? List.of() : servers(args))),
                new Syntax("close", "close", Set.of(), Set.of(), 0, 0, args -> new Close())));
        for (String word : FourLetterWord.WORDS.stream().sorted().toList()) {
            syntaxes.add(new Syntax(word, word, Set.of(), Set.of(), 0, 0, args -> new AskWord(word)));
        }
        return syntaxes;
    }

    private static List<HostPort> servers(Args args) throws CliException {
        try {
            return HostPort.parseList(args.argument(0));
        } catch (IllegalArgumentException e) {
            throw args.syntax().misuse(e.getMessage());
        }
    }

    /** Brings the connected server up to date with the leader; zkCli's {@code Sync is OK}. */
    record Sync(String path) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            shell.client().sync(path);
            shell.printer().println("Sync is OK");
        }
    }

    /** The ensemble's configuration as the server keeps it (empty for a standalone server). */
    record Config(boolean stat, boolean watch) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            GetDataResponse reply = shell.client().getData(CONFIG_NODE, watch);
            shell.printer().println(reply.data() == null ? "null" : new String(reply.data(), StandardCharsets.UTF_8));
            if (stat) {
                NodeCommands.printStat(shell, reply.stat());
            }
        }
    }

    /** The identities the server gave this connection. */
    record WhoAmI() implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            List<ClientInfo> infos = shell.client().whoAmI();
            shell.printer().println("Auth scheme: User");
            for (ClientInfo info : infos) {
                shell.printer().println(info.authScheme() + ": " + info.user());
            }
        }
    }

    /** A four-letter word, asked of the server the session is on (or the first of the list). */
    record AskWord(String word) implements Command {
        @Override
        public void run(Shell shell) throws CliException {
            HostPort server = shell.fourLetterWordServer();
            String answer;
            try {
                answer = FourLetterWord.ask(server, word, shell.timeoutMs());
            } catch (IOException e) {
                throw new CliException(CliExit.CONNECTION, "Cannot ask " + server + " '" + word + "': "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            if (answer.isEmpty()) {
                throw CliException.failed(server + " gave no answer to '" + word
                        + "'; is it on the server's four-letter-word list?");
            }
            shell.printer().print(answer.endsWith("\n") ? answer : answer + "\n");
        }
    }

    /** Closes the session, then opens one on {@code servers} (none: the list used last). */
    record Connect(List<HostPort> servers) implements Command {

        Connect {
            servers = List.copyOf(servers);
        }

        @Override
        public void run(Shell shell) throws CliException {
            shell.connect(servers.isEmpty() ? shell.servers() : servers);
        }
    }

    /** Closes the session; {@code connect} opens a new one. */
    record Close() implements Command {
        @Override
        public void run(Shell shell) {
            shell.disconnect();
        }
    }
}
