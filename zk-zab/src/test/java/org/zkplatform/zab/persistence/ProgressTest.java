package org.zkplatform.zab.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines on a clock the test moves. */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private long now;
    private final List<String> lines = new ArrayList<>();

    private Progress progress(long total) {
        return new Progress("Loading snapshot snapshot.1", total, "bytes", () -> now, 5 * SECOND, lines::add);
    }

    /** Calls {@code at} often enough for the clock to be read. */
    private static void work(Progress progress, long done) {
        for (int i = 0; i < 256; i++) {
            progress.at(done);
        }
    }

    @Test
    void saysNothingBeforeTheInterval() {
        Progress progress = progress(1000);
        now = 4 * SECOND;
        work(progress, 400);

        assertEquals(List.of(), lines);
    }

    @Test
    void saysDoneOfTotalAndRateOncePerInterval() {
        Progress progress = progress(10_000_000);
        now = 5 * SECOND;
        work(progress, 2_500_000);
        now = 6 * SECOND;
        work(progress, 3_000_000);
        now = 10 * SECOND;
        work(progress, 5_000_000);

        assertEquals(List.of("Loading snapshot snapshot.1: 2,500,000 of 10,000,000 bytes (25%), 500,000 bytes/s",
                "Loading snapshot snapshot.1: 5,000,000 of 10,000,000 bytes (50%), 500,000 bytes/s"), lines);
    }

    @Test
    void withoutATotalOrPastItSaysHowMuchSoFar() {
        assertEquals("Loading snapshot snapshot.1: 7,000 bytes so far, 1,400 bytes/s",
                progress(-1).line(7000, 5 * SECOND));
        assertEquals("Loading snapshot snapshot.1: 7,000 bytes so far, 700 bytes/s",
                progress(5000).line(7000, 10 * SECOND));
    }
}
