package org.zkplatform.api.time;

/** {@link Clock} backed by {@link System}. */
enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
