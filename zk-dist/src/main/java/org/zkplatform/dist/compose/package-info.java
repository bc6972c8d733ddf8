/**
 * Composition: the Guice module that builds the server from validated settings and chosen
 * providers, and the {@link org.zkplatform.dist.compose.Lifecycle} that stops what was built in
 * the reverse order.
 */
package org.zkplatform.dist.compose;
