/**
 * The launcher. {@link org.zkplatform.dist.Main} parses the command line;
 * {@link org.zkplatform.dist.Launcher} loads plugins and configuration, chooses providers, has
 * Guice compose the server, starts it, and stops it in order on SIGTERM. Every startup failure
 * is a {@link org.zkplatform.dist.StartupException}: one line for the operator and an exit code.
 */
package org.zkplatform.dist;
