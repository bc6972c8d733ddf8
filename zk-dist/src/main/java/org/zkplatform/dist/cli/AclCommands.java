package org.zkplatform.dist.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.zkplatform.dist.cli.client.KeeperException;
import org.zkplatform.dist.cli.client.ZkClient;
import org.zkplatform.dist.cli.client.ZkException;
import org.zkplatform.zab.proto.Acl;
import org.zkplatform.zab.proto.GetACLResponse;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.Stat;

/** The commands on permissions: getAcl, setAcl, addauth. */
final class AclCommands {

    private AclCommands() {
    }

    static List<Syntax> syntaxes() {
        return List.of(
                new Syntax("getAcl", "getAcl [-s] path", Set.of("-s"), Set.of(), 1, 1,
                        args -> new GetAcl(args.path(0), args.has("-s"))),
                new Syntax("setAcl", "setAcl [-s] [-v version] [-R] path acl", Set.of("-s", "-R"), Set.of("-v"), 2, 2,
                        args -> new SetAcl(args.path(0), AclSyntax.parse(args.argument(1)), args.version("-v"),
                                args.has("-s"), args.has("-R"))),
                new Syntax("addauth", "addauth scheme auth", Set.of(), Set.of(), 2, 2,
                        args -> new AddAuth(args.argument(0), args.argument(1))));
    }

    /** Each entry of a node's ACL, in zkCli's layout (see {@link AclSyntax#format}). */
    record GetAcl(String path, boolean stat) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            GetACLResponse reply = shell.client().getAcl(path);
            for (Acl acl : reply.acl()) {
                shell.printer().println(AclSyntax.format(acl));
            }
            if (stat) {
                NodeCommands.printStat(shell, reply.stat());
            }
        }
    }

    /**
     * @param version the expected ACL version, or -1 for any; with -R, of every node
     * @param recursive whether to set it on every node below too
     */
    record SetAcl(String path, List<Acl> acl, int version, boolean stat, boolean recursive) implements Command {

        SetAcl {
            acl = List.copyOf(acl);
        }

        @Override
        public void run(Shell shell) throws ZkException, CliException {
            ZkClient client = shell.client();
            Stat after;
            if (recursive) {
                TreeWalk.visit(client, path, false, p -> client.setAcl(p, acl, version));
                after = client.exists(path, false).orElseThrow(() -> new KeeperException(KeeperError.NO_NODE, path));
            } else {
                after = client.setAcl(path, acl, version);
            }
            if (stat) {
                NodeCommands.printStat(shell, after);
            }
        }
    }

    /** Credentials for this session, such as {@code addauth digest user:password}. */
    record AddAuth(String scheme, String auth) implements Command {
        @Override
        public void run(Shell shell) throws ZkException, CliException {
            try {
                shell.client().addAuth(scheme, auth.getBytes(StandardCharsets.UTF_8));
            } catch (KeeperException e) {
                if (e.code() == KeeperError.AUTH_FAILED) {
                    throw CliException.failed("Authentication failed: the server rejected the " + scheme
                            + " credentials; the session goes on without them");
                }
                throw e;
            }
        }
    }
}
