package org.zkplatform.dist.compat.diff;

import java.util.List;

/**
 * What one op did on one server: its result, and every event any session received up to the
 * barrier after it, in session order, each session's in arrival order.
 */
public record Step(Result result, List<Event> events) {

    public Step {
        events = List.copyOf(events);
    }
}
