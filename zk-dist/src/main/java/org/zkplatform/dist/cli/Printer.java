package org.zkplatform.dist.cli;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the shell writes: results to stdout, errors to stderr as one line each, and watch
 * events, which arrive on the client's reader thread at any time, whole and never in the middle
 * of a command's output. In a terminal the events go above the line being edited.
 */
final class Printer {

    private final PrintStream out;
    private final PrintStream err;
    private Consumer<String> events;

    Printer(PrintStream out, PrintStream err) {
        this.out = Objects.requireNonNull(out, "out is null");
        this.err = Objects.requireNonNull(err, "err is null");
        this.events = this::println;
    }

    /** Sends events to {@code sink} from now on (a line editor's "print above the prompt"). */
    synchronized void sendEventsTo(Consumer<String> sink) {
        events = Objects.requireNonNull(sink, "sink is null");
    }

    synchronized void println(String line) {
        out.println(line);
        out.flush();
    }

    /** Text that brings its own line breaks, such as a four-letter word's answer. */
    synchronized void print(String text) {
        out.print(text);
        out.flush();
    }

    synchronized void error(String line) {
        out.flush();
        err.println(line);
        err.flush();
    }

    synchronized void event(String block) {
        events.accept(block);
    }
}
