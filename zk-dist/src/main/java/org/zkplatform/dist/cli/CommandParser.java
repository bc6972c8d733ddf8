package org.zkplatform.dist.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.zkplatform.dist.cli.client.FourLetterWord;

/** Turns a line's words into a {@link Command}, by the table of every command's {@link Syntax}. */
final class CommandParser {

    private static final Map<String, Syntax> SYNTAX = table();

    private CommandParser() {
    }

    private static Map<String, Syntax> table() {
        List<Syntax> all = new ArrayList<>();
        all.addAll(NodeCommands.syntaxes());
        all.addAll(AclCommands.syntaxes());
        all.addAll(SessionCommands.syntaxes());
        all.addAll(ShellCommands.syntaxes());
        Map<String, Syntax> table = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Syntax syntax : all) {
            if (table.put(syntax.name(), syntax) != null) {
                throw new IllegalStateException("two commands named " + syntax.name());
            }
        }
        return table;
    }

    /**
     * Parses a command line.
     *
     * @param words the command's name, then its options and arguments
     * @throws CliException ({@link CliExit#USAGE}) naming what is wrong, with the usage line
     */
    static Command parse(List<String> words) throws CliException {
        if (words.isEmpty()) {
            throw CliException.usage("no command given; type help for the list");
        }
        Syntax syntax = SYNTAX.get(words.get(0));
        if (syntax == null || !syntax.name().equals(words.get(0))) {
            throw CliException.usage("Unknown command: " + words.get(0) + (syntax == null ? "" : " (did you mean "
                    + syntax.name() + "?)") + "; type help for the list");
        }
        return syntax.parser().parse(Args.parse(syntax, words.subList(1, words.size())));
    }

    /** Every command's name, for completion. */
    static List<String> names() {
        return List.copyOf(SYNTAX.keySet());
    }

    /** The help text: how to start zk-cli, each command's usage, the exit codes. */
    static String help() {
        StringBuilder help = new StringBuilder(
                "zk-cli [-server host:port[,host:port...]] [-timeout ms] [command [options] [args]]\n");
        for (Syntax syntax : SYNTAX.values()) {
            if (!FourLetterWord.WORDS.contains(syntax.name())) {
                help.append('\t').append(syntax.usage()).append('\n');
            }
        }
        help.append('\t').append(FourLetterWord.WORDS.stream().sorted().collect(Collectors.joining("|")))
                .append("\n\t\tfour-letter words, asked of the server the session is on\n");
        help.append("exit codes: 0 ok, 1 the server refused a command, 2 bad usage,"
                + " 3 no server reachable, connection lost or session expired");
        return help.toString();
    }
}
