package org.zkplatform.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs seeds until a time budget is spent, alternating 3 and 5 servers, and prints each failing
 * seed with the command that replays it. The {@code sim} profile runs it:
 * {@code mvn -o -pl zk-zab -am verify -Psim -Dsim.minutes=10 -Dsim.firstSeed=1000}.
 *
 * <p>Arguments: {@code minutes firstSeed [servers...]}; servers default to 3 and 5. With
 * {@code -Dsim.vary=true} each run's clients, chaos period and server settings come from its seed
 * ({@link SimConfig#varied}); {@code -Dsim.verbose=true} prints every run.
 */
public final class SimRunner {

    private SimRunner() {
    }

    public static void main(String[] args) {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(3, 5);
        }
        boolean verbose = Boolean.getBoolean("sim.verbose");
        boolean vary = Boolean.getBoolean("sim.vary");
        long start = System.nanoTime();
        long budgetNanos = (long) (minutes * 60e9);
        int runs = 0;
        int undecided = 0;
        List<SimResult> failures = new ArrayList<>();
        // Bounded by the time budget.
        while (System.nanoTime() - start < budgetNanos) {
            for (int servers : sizes) {
                SimConfig config = vary ? SimConfig.varied(servers, seed) : SimConfig.allFaults(servers);
                long runStart = System.nanoTime();
                SimResult result = new Simulation(seed, config).run();
                runs++;
                if (result.stats().contains("undecided")) {
                    undecided++;
                }
                if (verbose) {
                    System.out.printf("%5d ms  %s%n", (System.nanoTime() - runStart) / 1_000_000, result.describe());
                }
                if (!result.passed()) {
                    failures.add(result);
                    System.out.println("FAILED " + result.describe());
                }
            }
            seed++;
        }
        double elapsedMinutes = (System.nanoTime() - start) / 60e9;
        System.out.printf("%d runs (seeds up to %d, servers %s) in %.1f min: %.0f runs per minute; %d failed; "
                + "linearizability undecided (out of budget) in %d%n", runs, seed - 1, sizes, elapsedMinutes,
                runs / elapsedMinutes, failures.size(), undecided);
        for (SimResult failure : failures) {
            System.out.println("  " + failure.reproduction());
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
