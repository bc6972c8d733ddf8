/**
 * Time as a dependency. Every component reads time through {@link org.zkplatform.api.time.Clock}
 * and defers work through {@link org.zkplatform.api.time.Scheduler}, never through
 * {@code System.currentTimeMillis()} or its own timer threads, so a simulated clock can drive a
 * whole ensemble deterministically from one thread.
 */
package org.zkplatform.api.time;
