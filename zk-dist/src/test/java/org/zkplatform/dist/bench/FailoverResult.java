package org.zkplatform.dist.bench;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The failover scenario on one kind of server.
 *
 * @param rounds every leader kill, in order
 * @param errors failed writes of the whole run by result code
 * @param unanswered writes without a reply when the load's drain time was up
 * @param disconnects session disconnections (expected: each kill drops the sessions on the servers that lose their leader)
 * @param expirations session expirations (never expected: a failover must not lose sessions)
 * @param storage how member 1 stores data
 * @param problemCounts warning and error lines in each member's output, by id
 * @param problems the first of those lines of each member
 */
record FailoverResult(ServerKind kind, List<FailoverRound> rounds, Map<String, Long> errors, int unanswered,
        long disconnects, long expirations, StorageFacts storage, Map<Integer, Long> problemCounts,
        List<String> problems) {

    /** The only failure a client should see when its server loses the leader or dies. */
    static final String EXPECTED_ERROR = "CONNECTIONLOSS";

    /** Median failover time over the rounds that had one, ms; -1 if none did. */
    double medianFailoverMillis() {
        return median(FailoverRound::firstWriteMillis);
    }

    /** Longest failover time, ms; -1 if no round had one. */
    long maxFailoverMillis() {
        return rounds.stream().filter(FailoverRound::acked).mapToLong(FailoverRound::firstWriteMillis).max().orElse(-1);
    }

    double medianServingMillis() {
        return median(FailoverRound::servingMillis);
    }

    double medianRejoinMillis() {
        return median(FailoverRound::rejoinMillis);
    }

    double medianWritesPerSecond() {
        double[] rates = rounds.stream().mapToDouble(FailoverRound::writesPerSecondBefore).sorted().toArray();
        return rates.length == 0 ? -1 : (rates[(rates.length - 1) / 2] + rates[rates.length / 2]) / 2;
    }

    /** Rounds without a write acknowledged within the limit. */
    long missed() {
        return rounds.stream().filter(round -> !round.acked()).count();
    }

    long expectedErrors() {
        return errors.getOrDefault(EXPECTED_ERROR, 0L);
    }

    /** Failed writes with any code but connection loss. */
    long unexpectedErrors() {
        return errors.entrySet().stream().filter(e -> !e.getKey().equals(EXPECTED_ERROR))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Anything a healthy ensemble should never cause under a leader kill. */
    boolean troubled() {
        return missed() > 0 || unexpectedErrors() > 0 || unanswered > 0 || expirations > 0
                || rounds.stream().anyMatch(round -> round.sessionsNotBack() > 0 || round.servingMillis() < 0);
    }

    /** The median of {@code figure} over the rounds where it is known (not -1); -1 if none. */
    private double median(ToLongFunction<FailoverRound> figure) {
        long[] values = rounds.stream().mapToLong(figure).filter(v -> v >= 0).sorted().toArray();
        return values.length == 0 ? -1 : (values[(values.length - 1) / 2] + values[values.length / 2]) / 2.0;
    }
}
