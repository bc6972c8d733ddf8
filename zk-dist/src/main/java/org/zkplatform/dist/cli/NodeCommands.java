package org.zkplatform.dist.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.zkplatform.dist.cli.client.KeeperException;
import org.zkplatform.dist.cli.client.ZkClient;
import org.zkplatform.dist.cli.client.ZkException;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.Create2Response;
import org.zkplatform.zab.proto.CreateMode;
import org.zkplatform.zab.proto.GetChildren2Response;
import org.zkplatform.zab.proto.GetDataResponse;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.Stat;

/** The commands on znodes and their data: ls, get, set, create, delete, deleteall, stat. */
final class NodeCommands {

    private NodeCommands() {
    }

    static List<Syntax> syntaxes() {
        return List.of(
                new Syntax("ls", "ls [-s] [-w] [-R] path", Set.of("-s", "-w", "-R"), Set.of(), 1, 1,
                        args -> new Ls(args.path(0), args.has("-s"), args.has("-w"), args.has("-R"))),
                new Syntax("get", "get [-s] [-w] path", Set.of("-s", "-w"), Set.of(), 1, 1,
                        args -> new Get(args.path(0), args.has("-s"), args.has("-w"))),
                new Syntax("set", "set [-s] [-v version] path data", Set.of("-s"), Set.of("-v"), 2, 2,
                        args -> new SetData(args.path(0), args.argument(1), args.version("-v"), args.has("-s"))),
                new Syntax("create", "create [-s] [-e] [-c] [-t ttl] path [data] [acl]", Set.of("-s", "-e", "-c"),
                        Set.of("-t"), 1, 3, Create::parse),
                new Syntax("delete", "delete [-v version] path", Set.of(), Set.of("-v"), 1, 1,
                        args -> new Delete(args.path(0), args.version("-v"))),
                new Syntax("deleteall", "deleteall path", Set.of(), Set.of(), 1, 1,
                        args -> new DeleteAll(args.path(0))),
                new Syntax("stat", "stat [-w] path", Set.of("-w"), Set.of(), 1, 1,
                        args -> new StatNode(args.path(0), args.has("-w"))));
    }

    static void printStat(Shell shell, Stat stat) {
        StatFormat.lines(stat).forEach(shell.printer()::println);
    }

    /** Children of a node, sorted as zkCli prints them ({@code [a, b]}), or with -R every path below it. */
    record Ls(String path, boolean stat, boolean watch, boolean recursive) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            ZkClient client = shell.client();
            if (recursive) {
                TreeWalk.visit(client, path, watch, shell.printer()::println);
                return;
            }
            GetChildren2Response reply = client.getChildren(path, watch);
            List<String> children = new ArrayList<>(reply.children());
            children.sort(null);
            shell.printer().println("[" + String.join(", ", children) + "]");
            if (stat) {
                printStat(shell, reply.stat());
            }
        }
    }

    /** A node's data as UTF-8 text, or {@code null} for a node without data, as zkCli prints it. */
    record Get(String path, boolean stat, boolean watch) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            GetDataResponse reply = shell.client().getData(path, watch);
            shell.printer().println(reply.data() == null ? "null" : new String(reply.data(), StandardCharsets.UTF_8));
            if (stat) {
                printStat(shell, reply.stat());
            }
        }
    }

    /** @param version the expected data version, or -1 for any */
    record SetData(String path, String data, int version, boolean stat) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            Stat after = shell.client().setData(path, data.getBytes(StandardCharsets.UTF_8), version);
            if (stat) {
                printStat(shell, after);
            }
        }
    }

    /**
     * @param data null for a node without data, as zkCli creates it when none is given
     * @param ttlMs for the TTL modes; 0 otherwise
     */
    record Create(String path, String data, List<Acl> acl, CreateMode mode, long ttlMs) implements Command {

        Create {
            acl = List.copyOf(acl);
        }

        static Create parse(Args args) throws CliException {
            boolean sequential = args.has("-s");
            boolean ephemeral = args.has("-e");
            boolean container = args.has("-c");
            Optional<String> ttlText = args.value("-t");
            if (container && (sequential || ephemeral)) {
                throw args.syntax().misuse("-c cannot be combined with -s or -e: containers cannot be ephemeral or sequential");
            }
            long ttl = 0;
            if (ttlText.isPresent()) {
                if (ephemeral || container) {
                    throw args.syntax().misuse("TTLs cannot be used with " + (ephemeral ? "ephemeral" : "container") + " znodes");
                }
                try {
                    ttl = Long.parseLong(ttlText.get());
                } catch (NumberFormatException e) {
                    ttl = 0;
                }
                if (ttl <= 0) {
                    throw args.syntax().misuse("-t needs a positive number of milliseconds, got '" + ttlText.get() + "'");
                }
            }
            CreateMode mode = container ? CreateMode.CONTAINER
                    : ttlText.isPresent() ? (sequential ? CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL : CreateMode.PERSISTENT_WITH_TTL)
                    : ephemeral ? (sequential ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL)
                    : sequential ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT;
            String path = PathCheck.validate(args.argument(0), sequential);
            List<Acl> acl = args.optionalArgument(2).isPresent() ? AclSyntax.parse(args.argument(2)) : AclSyntax.OPEN;
            return new Create(path, args.optionalArgument(1).orElse(null), acl, mode, ttl);
        }

        @Override
        public void run(Shell shell) throws ZkException, CliException {
            byte[] bytes = data == null ? null : data.getBytes(StandardCharsets.UTF_8);
            Create2Response created = shell.client().create(path, bytes, acl, mode, ttlMs);
            // zkCli prints this on stderr; it is the command's result (the name of a sequential
            // node), so scripts find it on stdout here.
            shell.printer().println("Created " + created.path());
        }
    }

    /** @param version the expected data version, or -1 for any */
    record Delete(String path, int version) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            shell.client().delete(path, version);
        }
    }

    /**
     * A node and everything below it, children first. ZooKeeper's own nodes ({@code /zookeeper}
     * and below) and the root cannot be deleted, so {@code deleteall /} deletes everything else.
     */
    record DeleteAll(String path) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            ZkClient client = shell.client();
            List<String> paths = TreeWalk.list(client, path);
            for (int i = paths.size() - 1; i >= 0; i--) {
                String p = paths.get(i);
                if (p.equals("/") || p.equals("/zookeeper") || p.startsWith("/zookeeper/")) {
                    continue;
                }
                try {
                    client.delete(p, -1);
                } catch (KeeperException e) {
                    if (e.code() != KeeperError.NO_NODE) {
                        throw e;
                    }
                }
            }
        }
    }

    /** A node's stat; a missing node is an error, as in zkCli. */
    record StatNode(String path, boolean watch) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            Optional<Stat> stat = shell.client().exists(path, watch);
            if (stat.isEmpty()) {
                throw new KeeperException(KeeperError.NO_NODE, path);
            }
            printStat(shell, stat.get());
        }
    }
}
