/**
 * Composition: the Guice modules that build the server from validated settings and chosen
 * providers (and, when enabled, its admin endpoint and JVM pause monitor), and the {@link org.zkplatform.dist.compose.Lifecycle} that stops what was built in
 * the reverse order.
 */
package org.zkplatform.dist.compose;
