package org.zkplatform.dist.compat.diff;

/**
 * One differential run: everything needed to reproduce it.
 *
 * @param seed the op generator's seed
 * @param ops how many ops to run, the session-opening ones included
 * @param extendedTypes whether both servers run with TTL nodes enabled (else createTTL must fail alike)
 * @param rankZxids compare zxids by first-appearance rank instead of exactly
 */
public record DiffConfig(long seed, int ops, boolean extendedTypes, boolean rankZxids) {

    /** The system properties that rerun this configuration, stopping after op {@code lastIndex}. */
    String rerunFlags(int lastIndex) {
        return "-Ddiff.seed=" + seed + " -Ddiff.ops=" + (lastIndex + 1) + " -Ddiff.extendedTypes=" + extendedTypes
                + (rankZxids ? " -Ddiff.zxids=rank" : "");
    }

    @Override
    public String toString() {
        return "seed " + seed + ", " + ops + " ops" + (extendedTypes ? ", extended types" : "")
                + (rankZxids ? ", ranked zxids" : "");
    }
}
