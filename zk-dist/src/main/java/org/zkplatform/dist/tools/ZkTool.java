package org.zkplatform.dist.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The entry point of {@code bin/zk-tool}: parses the subcommand and its arguments, runs it, and
 * ends the process with its {@link ToolExit} code. Reports go to stdout; errors go to stderr as
 * one line.
 */
public final class ZkTool {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: zk-tool <command> [arguments]",
            "",
            "  dump-log <log file>            print each txn of a txn log file (version-2/log.<zxid>), one",
            "                                 per line, then where the log ends",
            "  dump-snapshot <snapshot file>  print each node, then each session, of a snapshot",
            "                                 (version-2/snapshot.<zxid>[.gz]), and check its seal",
            "  check [config]                 check the data dir as the server would load it, without",
            "                                 starting one and without changing anything: snapshots, log",
            "                                 files, torn tail, final zxid, node and session counts",
            "  import-zoo-cfg <zoo.cfg> [out] the zk.conf (HOCON) equivalent of an Apache ZooKeeper",
            "                                 zoo.cfg and its myid, to stdout or to a new file",
            "  purge [config] [--retain N]    delete all but the newest N snapshots (default",
            "                                 zk.snapshot.retain-count; at least 3) and the txn logs only",
            "                                 they need; opens the data dir as the server does, so it is",
            "                                 refused while a server runs there",
            "",
            "[config] is the file bin/zk-server takes: HOCON (default conf/zk.conf) or a zoo.cfg.",
            "",
            "exit codes:",
            "  0  ok",
            "  1  damage found: a torn or damaged file; for check, damage the server works around",
            "     (a damaged snapshot it falls back from, a torn log tail it would cut)",
            "  2  bad usage or configuration; for purge, also a data dir in use by a server",
            "  3  cannot read: a missing or unreadable file, or a log file that is no txn log at all;",
            "     for check, the server could not start from the data dir");

    private static final int MIN_RETAIN = 3;

    private ZkTool() {
    }

    public static void main(String[] args) {
        int code = run(args, Path.of(System.getProperty("zkplatform.home", ".")), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs the command line {@code args}.
     *
     * @param home the installation, where {@code conf/zk.conf} and {@code plugins/} are
     * @return the exit code
     */
    static int run(String[] args, Path home, PrintStream out, PrintStream err) {
        if (args.length == 1 && List.of("help", "-h", "--help").contains(args[0])) {
            out.println(USAGE);
            return ToolExit.OK.code();
        }
        ToolCommand command;
        try {
            command = command(args, home);
        } catch (BadCommandLine e) {
            err.println("zk-tool: " + e.getMessage());
            err.println(USAGE);
            return ToolExit.USAGE.code();
        }
        try {
            return command.run(out).code();
        } catch (ToolException e) {
            out.flush();
            err.println("zk-tool: " + e.getMessage());
            return e.exit().code();
        }
    }

    /** The command line makes no sense; the usage text follows the message. */
    private static final class BadCommandLine extends Exception {

        private static final long serialVersionUID = 1L;

        BadCommandLine(String message) {
            super(message);
        }
    }

    private static ToolCommand command(String[] args, Path home) throws BadCommandLine {
        if (args.length == 0) {
            throw usage("no command given");
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        Path plugins = home.resolve("plugins");
        switch (args[0]) {
            case "dump-log":
                return new DumpLog(Path.of(onlyArgument(rest, "a txn log file")));
            case "dump-snapshot":
                return new DumpSnapshot(Path.of(onlyArgument(rest, "a snapshot file")));
            case "check":
                return new Check(config(rest, home), plugins);
            case "import-zoo-cfg":
                if (rest.isEmpty() || rest.size() > 2 || rest.stream().anyMatch(a -> a.startsWith("-"))) {
                    throw usage("expected a zoo.cfg and optionally the zk.conf to write, got "
                            + (rest.isEmpty() ? "nothing" : String.join(" ", rest)));
                }
                return new ImportZooCfg(Path.of(rest.get(0)),
                        rest.size() == 2 ? Optional.of(Path.of(rest.get(1))) : Optional.empty());
            case "purge":
                OptionalInt retain = retain(rest);
                return new Purge(config(rest, home), plugins, retain);
            default:
                throw usage("unknown command '" + args[0] + "'");
        }
    }

    private static String onlyArgument(List<String> args, String what) throws BadCommandLine {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw usage("expected " + what + ", got " + (args.isEmpty() ? "nothing" : String.join(" ", args)));
        }
        return args.get(0);
    }

    /** The config file: the one argument left, or conf/zk.conf. */
    private static Path config(List<String> args, Path home) throws BadCommandLine {
        if (args.size() > 1 || (args.size() == 1 && args.get(0).startsWith("-"))) {
            throw usage("unexpected arguments: " + String.join(" ", args));
        }
        return args.isEmpty() ? home.resolve("conf/zk.conf") : Path.of(args.get(0));
    }

    /** Takes {@code --retain N} out of {@code args}. */
    private static OptionalInt retain(List<String> args) throws BadCommandLine {
        int at = args.indexOf("--retain");
        if (at < 0) {
            return OptionalInt.empty();
        }
        if (at + 1 == args.size()) {
            throw usage("--retain needs a number");
        }
        String value = args.remove(at + 1);
        args.remove(at);
        try {
            int retain = Integer.parseInt(value);
            if (retain < MIN_RETAIN) {
                throw usage("--retain must be at least " + MIN_RETAIN + ", since the newest snapshot may prove unreadable;"
                        + " got " + retain);
            }
            return OptionalInt.of(retain);
        } catch (NumberFormatException e) {
            throw usage("--retain needs a number, got '" + value + "'");
        }
    }

    private static BadCommandLine usage(String problem) {
        return new BadCommandLine(problem);
    }
}
