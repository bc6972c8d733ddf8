package org.zkplatform.dist.compat.diff;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Compares the two servers' steps op by op and turns the first difference into a failure that
 * says how to reproduce it: the seed and flags, the op index, the op, both steps, and the ops
 * before it with the reference's answers.
 */
final class StepComparator {

    private static final int HISTORY = 10;

    private final DiffConfig config;
    private final String referenceKind;
    private final String targetKind;
    private final Deque<String> history = new ArrayDeque<>();

    StepComparator(DiffConfig config, String referenceKind, String targetKind) {
        this.config = config;
        this.referenceKind = referenceKind;
        this.targetKind = targetKind;
    }

    /** Passes when both steps are equal, else throws the report. */
    void check(int index, Op op, Step reference, Step target) {
        if (!reference.equals(target)) {
            throw report(index, op, describe(reference), describe(target));
        }
        history.addLast("#" + index + " " + op + "\n      -> " + describe(reference).replace("\n", "\n      "));
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    /** A report for an op one side could not complete at all; {@code null} for the side that did. */
    AssertionError broken(int index, Op op, Step reference, Throwable referenceError, Step target, Throwable targetError) {
        AssertionError report = report(index, op, outcome(reference, referenceError), outcome(target, targetError));
        report.initCause(referenceError != null ? referenceError : targetError);
        return report;
    }

    private AssertionError report(int index, Op op, String reference, String target) {
        int width = Math.max(referenceKind.length(), targetKind.length()) + 1;
        String format = "%-" + width + "s %s%n";
        StringBuilder text = new StringBuilder();
        text.append(String.format("%s differs from %s at op #%d of %s%n", targetKind, referenceKind, index, config));
        text.append(String.format("rerun with: %s -Ddiff.target=%s%n", config.rerunFlags(index), targetKind));
        text.append(String.format(format, "op:", op));
        text.append(String.format(format, referenceKind + ":", reference.replace("\n", "\n" + " ".repeat(width + 1))));
        text.append(String.format(format, targetKind + ":", target.replace("\n", "\n" + " ".repeat(width + 1))));
        text.append(String.format("the %d ops before it, with %s's answers:%n", history.size(), referenceKind));
        history.forEach(line -> text.append("  ").append(line).append(System.lineSeparator()));
        return new AssertionError(text.toString());
    }

    private static String outcome(Step step, Throwable error) {
        return error == null ? describe(step) : "could not complete the op: " + error;
    }

    private static String describe(Step step) {
        List<Event> events = step.events();
        return step.result() + (events.isEmpty() ? "" : "\nevents " + events);
    }
}
