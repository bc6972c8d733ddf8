/**
 * The entry points of the server core that the launcher wires together.
 */
package org.zkplatform.zab;
