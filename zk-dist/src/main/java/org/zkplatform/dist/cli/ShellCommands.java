package org.zkplatform.dist.cli;

import java.util.List;
import java.util.Set;

/** The commands of the shell itself: history, help, quit, printwatches. */
final class ShellCommands {

    /** How many earlier lines {@code history} shows, as zkCli. */
    static final int HISTORY_SHOWN = 10;

    private ShellCommands() {
    }

    static List<Syntax> syntaxes() {
        return List.of(
                new Syntax("history", "history", Set.of(), Set.of(), 0, 0, args -> new History()),
                new Syntax("help", "help", Set.of(), Set.of(), 0, 0, args -> new Help()),
                new Syntax("quit", "quit", Set.of(), Set.of(), 0, 0, args -> new Quit()),
                new Syntax("printwatches", "printwatches [on|off]", Set.of(), Set.of(), 0, 1, ShellCommands::printWatches));
    }

    private static Command printWatches(Args args) throws CliException {
        if (args.optionalArgument(0).isEmpty()) {
            return new PrintWatches(null);
        }
        switch (args.argument(0)) {
            case "on":
                return new PrintWatches(true);
            case "off":
                return new PrintWatches(false);
            default:
                throw args.syntax().misuse("expected on or off, got '" + args.argument(0) + "'");
        }
    }

    /** The last lines run, numbered as the prompt numbers them. */
    record History() implements Command {
        @Override
        public void run(Shell shell) {
            List<String> lines = shell.history();
            for (int i = Math.max(0, lines.size() - 1 - HISTORY_SHOWN); i < lines.size(); i++) {
                shell.printer().println(i + " - " + lines.get(i));
            }
        }
    }

    record Help() implements Command {
        @Override
        public void run(Shell shell) {
            shell.printer().println(CommandParser.help());
        }
    }

    record Quit() implements Command {
        @Override
        public void run(Shell shell) {
            shell.quit();
        }
    }

    /** @param on whether to print watch events; null only to say whether they are printed */
    record PrintWatches(Boolean on) implements Command {
        @Override
        public void run(Shell shell) {
            if (on == null) {
                shell.printer().println("printwatches is " + (shell.printsWatches() ? "on" : "off"));
            } else {
                shell.printWatches(on);
            }
        }
    }
}
