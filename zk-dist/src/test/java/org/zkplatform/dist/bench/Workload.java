package org.zkplatform.dist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What the sessions send during a run: one request per call of {@link #issue}. Declared in the
 * default order: create last, because it grows each server's tree by however many creates that
 * server manages, so the others run, and their memory compares, on identical trees.
 */
enum Workload {

    /** setData on a random pre-created node. */
    SET {
        @Override
        void issue(SessionLoad session, SplittableRandom random) {
            session.set(random);
        }
    },
    /** getData on a random pre-created node. */
    GET {
        @Override
        void issue(SessionLoad session, SplittableRandom random) {
            session.get(random);
        }
    },
    /** 90% get, 10% set, on random pre-created nodes. */
    MIXED {
        @Override
        void issue(SessionLoad session, SplittableRandom random) {
            if (random.nextInt(10) == 0) {
                session.set(random);
            } else {
                session.get(random);
            }
        }
    },
    /** Unique paths under the run's root, one counter per session. */
    CREATE {
        @Override
        void issue(SessionLoad session, SplittableRandom random) {
            session.create();
        }
    };

    abstract void issue(SessionLoad session, SplittableRandom random);

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code set,get,mixed,create} or {@code all}; each workload once, in the given order. */
    static List<Workload> parseList(String list) {
        if (list.trim().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        List<Workload> workloads = new ArrayList<>();
        for (String name : list.split(",")) {
            Workload workload;
            try {
                workload = valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown workload '" + name.trim() + "'; known: set, get, mixed, create, all");
            }
            if (!workloads.contains(workload)) {
                workloads.add(workload);
            }
        }
        return List.copyOf(workloads);
    }
}
