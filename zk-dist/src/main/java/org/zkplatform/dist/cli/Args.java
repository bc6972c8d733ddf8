package org.zkplatform.dist.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's words after its name, split into options and arguments. Options come first,
 * POSIX style: the first word that is not an option, or {@code --}, ends them, so data that
 * starts with a dash ({@code set /a -1}) needs no quoting.
 */
final class Args {

    private final Syntax syntax;
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<String> arguments = new ArrayList<>();

    private Args(Syntax syntax) {
        this.syntax = syntax;
    }

    /** Parses {@code words} (without the command name) by {@code syntax}. */
    static Args parse(Syntax syntax, List<String> words) throws CliException {
        Args args = new Args(syntax);
        int i = 0;
        while (i < words.size() && words.get(i).startsWith("-") && words.get(i).length() > 1) {
            String option = words.get(i);
            if (option.equals("--")) {
                i++;
                break;
            }
            if (syntax.flags().contains(option)) {
                args.flags.add(option);
                i++;
            } else if (syntax.valued().contains(option)) {
                if (i + 1 == words.size()) {
                    throw syntax.misuse("option " + option + " needs a value");
                }
                args.values.put(option, words.get(i + 1));
                i += 2;
            } else {
                throw syntax.misuse("unknown option " + option);
            }
        }
        args.arguments.addAll(words.subList(i, words.size()));
        int n = args.arguments.size();
        if (n < syntax.minArgs()) {
            throw syntax.misuse(n == 0 ? "missing arguments" : "too few arguments");
        }
        if (n > syntax.maxArgs()) {
            throw syntax.misuse("too many arguments");
        }
        return args;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    /** The value of a version option ({@code -v}), or -1 (any version) without one. */
    int version(String option) throws CliException {
        Optional<String> value = value(option);
        if (value.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw syntax.misuse(option + " needs a number, got '" + value.get() + "'");
        }
    }

    /** The argument at {@code index}. */
    String argument(int index) {
        return arguments.get(index);
    }

    /** The argument at {@code index}, or empty if fewer were given. */
    Optional<String> optionalArgument(int index) {
        return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
    }

    /** The argument at {@code index}, checked as a znode path. */
    String path(int index) throws CliException {
        return PathCheck.validate(arguments.get(index), false);
    }

    Syntax syntax() {
        return syntax;
    }
}
