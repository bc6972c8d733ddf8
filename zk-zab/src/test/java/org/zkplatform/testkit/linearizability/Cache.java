package org.zkplatform.testkit.linearizability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowe's memoization for the Wing–Gong search: which configurations (operations linearized so
 * far, state reached) the search has already entered. Where the search goes from a configuration
 * depends on nothing else, and the search either succeeds or has explored every configuration it
 * entered, so entering one again can only repeat a failure.
 *
 * <p>One refinement for operations that never returned: their bits are kept apart, and a
 * configuration is also pruned if one seen before had the same returned operations and state and
 * a subset of its never-returned ones. The earlier one could do everything the new one can (an
 * operation that never returned never has to be placed, and holds nothing up), so it covers it.
 * Without this, every subset of never-returned writes that was later overwritten would be
 * explored again.
 */
final class Cache<S> {

    private record Key<S>(BitSet returned, S state) {
    }

    private final Map<Key<S>, List<BitSet>> seen = new HashMap<>();

    /**
     * Records the configuration and returns true, or returns false if it is covered by one seen
     * before. The bit sets are copied if kept.
     */
    boolean enter(BitSet returned, BitSet neverReturned, S state) {
        List<BitSet> earlier = seen.get(new Key<>(returned, state));
        if (earlier == null) {
            List<BitSet> list = new ArrayList<>(1);
            list.add((BitSet) neverReturned.clone());
            seen.put(new Key<>((BitSet) returned.clone(), state), list);
            return true;
        }
        for (BitSet before : earlier) {
            if (isSubset(before, neverReturned)) {
                return false;
            }
        }
        earlier.add((BitSet) neverReturned.clone());
        return true;
    }

    int size() {
        return seen.size();
    }

    private static boolean isSubset(BitSet small, BitSet large) {
        for (int i = small.nextSetBit(0); i >= 0; i = small.nextSetBit(i + 1)) {
            if (!large.get(i)) {
                return false;
            }
        }
        return true;
    }
}
