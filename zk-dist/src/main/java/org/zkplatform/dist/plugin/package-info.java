/**
 * Plugins: a child {@link java.lang.ModuleLayer} over the distribution's {@code plugins/}
 * folder, and catalogs of the providers {@link java.util.ServiceLoader} finds in it and in the
 * boot layer, keyed by name, each remembering which jar it came from.
 */
package org.zkplatform.dist.plugin;
