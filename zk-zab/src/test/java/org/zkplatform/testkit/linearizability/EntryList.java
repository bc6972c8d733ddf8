package org.zkplatform.testkit.linearizability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Wing–Gong "entries": each operation's invocation (call) and response (return) as events in
 * time order, in doubly linked lists from which the search lifts an operation when it linearizes
 * it and into which it puts it back when it backtracks.
 *
 * <p>Operations that returned have a call and a return in the main list. Events at the same time:
 * calls come before returns, so an operation invoked at the instant another returned counts as
 * concurrent with it (the permissive reading of equal clock values). Operations that never
 * returned have only a call, kept in a list of their own so that the search can try them after
 * the others: nothing has to wait for them.
 */
final class EntryList {

    /** One event of the operation at index {@code op}; a call links to its return, if it has one. */
    static final class Entry {
        final int op;
        final boolean call;
        final long time;
        Entry match;
        Entry prev;
        Entry next;

        private Entry(int op, boolean call, long time) {
            this.op = op;
            this.call = call;
            this.time = time;
        }

        /** Whether this is the call of an operation that never returned. */
        boolean neverReturns() {
            return call && match == null;
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.<Entry>comparingLong(e -> e.time)
            .thenComparing(e -> !e.call)
            .thenComparingInt(e -> e.op);

    private final Entry head = new Entry(-1, false, Long.MIN_VALUE);
    private final Entry neverReturnedHead = new Entry(-1, false, Long.MIN_VALUE);

    /** The events of {@code operations}, operation {@code i} being the {@code i}-th. */
    EntryList(List<? extends Operation<?, ?>> operations) {
        List<Entry> events = new ArrayList<>(2 * operations.size());
        List<Entry> neverReturned = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation<?, ?> operation = operations.get(i);
            Entry call = new Entry(i, true, operation.invokedAt());
            if (operation.returned()) {
                call.match = new Entry(i, false, operation.completesBy());
                events.add(call);
                events.add(call.match);
            } else {
                neverReturned.add(call);
            }
        }
        link(head, events);
        link(neverReturnedHead, neverReturned);
    }

    /** The earliest event of a returned operation still in the list, or null if none. */
    Entry first() {
        return head.next;
    }

    /** The earliest call of a never-returned operation still in the list, or null if none. */
    Entry firstNeverReturned() {
        return neverReturnedHead.next;
    }

    /** Takes a linearized operation's call and return out of the lists. */
    void lift(Entry call) {
        unlink(call);
        if (call.match != null) {
            unlink(call.match);
        }
    }

    /** Puts back the operation most recently lifted and not yet put back. */
    void unlift(Entry call) {
        if (call.match != null) {
            relink(call.match);
        }
        relink(call);
    }

    private static void link(Entry head, List<Entry> entries) {
        entries.sort(ORDER);
        Entry last = head;
        for (Entry entry : entries) {
            last.next = entry;
            entry.prev = last;
            last = entry;
        }
    }

    private static void unlink(Entry entry) {
        entry.prev.next = entry.next;
        if (entry.next != null) {
            entry.next.prev = entry.prev;
        }
    }

    private static void relink(Entry entry) {
        entry.prev.next = entry;
        if (entry.next != null) {
            entry.next.prev = entry;
        }
    }
}
