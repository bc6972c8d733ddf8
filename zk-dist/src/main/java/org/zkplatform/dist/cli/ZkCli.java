package org.zkplatform.dist.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.zkplatform.dist.cli.client.HostPort;

/**
 * The entry point of {@code bin/zk-cli}. Three ways to run:
 * <ul>
 *   <li>one command from the command line ({@code zk-cli -server h:p ls /}): connects only if
 *       the command needs a session, runs it, exits 0 or with its {@link CliExit} code;</li>
 *   <li>a script on stdin, when stdin is no terminal: one command a line, no prompt; a failed
 *       command prints its line on stderr and the script goes on; the exit code is that of the
 *       last failure, 0 if none;</li>
 *   <li>an interactive shell in a terminal, with line editing, history and tab completion.</li>
 * </ul>
 */
public final class ZkCli {

    /**
     * The first argument bin/zk-cli passes: the java launcher drops a {@code -server} that
     * follows the main module among the leading dashed words, so the script puts a plain word
     * first.
     */
    static final String PROGRAM_NAME = "zk-cli";

    private ZkCli() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(PROGRAM_NAME)) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        Optional<Path> history = Optional.ofNullable(System.getProperty("zkplatform.cli.history"))
                .filter(p -> !p.isBlank()).map(Path::of);
        int code = run(args, System.in, System.out, System.err, System.console() != null, history);
        System.exit(code);
    }

    /**
     * Runs zk-cli.
     *
     * @param terminal whether stdin and stdout are a terminal, for the interactive shell
     * @param history where the interactive shell keeps its line history, if anywhere
     * @return the exit code
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal,
            Optional<Path> history) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (CliException e) {
            err.println("zk-cli: " + e.getMessage() + "; zk-cli -help shows the usage");
            return CliExit.USAGE.code();
        }
        if (options.help()) {
            out.println(CommandParser.help());
            return CliExit.OK.code();
        }
        Printer printer = new Printer(out, err);
        if (!options.command().isEmpty()) {
            return oneShot(options, printer).code();
        }
        if (terminal) {
            return interactive(options, printer, history).code();
        }
        return script(options, printer, in).code();
    }

    private static CliExit oneShot(CliOptions options, Printer printer) {
        try (Shell shell = new Shell(options.servers(), options.timeoutMs(), printer, false, true)) {
            return shell.run(options.command());
        }
    }

    private static CliExit script(CliOptions options, Printer printer, InputStream in) {
        try (Shell shell = new Shell(options.servers(), options.timeoutMs(), printer, false, false)) {
            try {
                shell.connect(options.servers());
            } catch (CliException e) {
                printer.error(e.getMessage());
                return e.exit();
            }
            CliExit result = CliExit.OK;
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while (!shell.quitting() && (line = lines.readLine()) != null) {
                CliExit exit = shell.runLine(line);
                if (exit != CliExit.OK) {
                    result = exit;
                }
            }
            return result;
        } catch (IOException e) {
            printer.error("Cannot read the script: " + e.getMessage());
            return CliExit.USAGE;
        }
    }

    private static CliExit interactive(CliOptions options, Printer printer, Optional<Path> history) {
        try (Shell shell = new Shell(options.servers(), options.timeoutMs(), printer, true, false);
                Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReaderBuilder builder = LineReaderBuilder.builder().appName("zk-cli").terminal(terminal)
                    .completer(new ShellCompleter(shell))
                    // Words are split by LineSplitter; JLine's parser only finds the word to complete.
                    .parser(new DefaultParser().escapeChars(new char[0]));
            history.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
            LineReader reader = builder.build();
            printer.sendEventsTo(reader::printAbove);
            printer.println("Connecting to " + join(options.servers()));
            try {
                shell.connect(options.servers());
            } catch (CliException e) {
                printer.error(e.getMessage());
            }
            while (!shell.quitting()) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                shell.runLine(line);
            }
            return CliExit.OK;
        } catch (IOException e) {
            printer.error("Cannot open the terminal: " + e.getMessage());
            return CliExit.USAGE;
        }
    }

    private static String join(List<HostPort> servers) {
        return String.join(",", servers.stream().map(HostPort::toString).toList());
    }
}
