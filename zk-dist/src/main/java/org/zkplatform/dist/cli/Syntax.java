package org.zkplatform.dist.cli;

import java.util.Objects;
import java.util.Set;

/**
 * How a command is written: its name, the usage line shown in help and errors, its options
 * (flags, and options that take a value), how many words follow them, and what it parses to.
 */
record Syntax(String name, String usage, Set<String> flags, Set<String> valued, int minArgs, int maxArgs,
        Parser parser) {

    /** Turns the parsed words into a command, checking their values. */
    @FunctionalInterface
    interface Parser {
        Command parse(Args args) throws CliException;
    }

    Syntax {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(usage, "usage is null");
        flags = Set.copyOf(flags);
        valued = Set.copyOf(valued);
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("bad argument counts " + minArgs + ".." + maxArgs + " for " + name);
        }
        Objects.requireNonNull(parser, "parser is null");
    }

    /** A usage problem, as one line: what is wrong, then how the command is written. */
    CliException misuse(String problem) {
        return CliException.usage(problem + "; usage: " + usage);
    }
}
