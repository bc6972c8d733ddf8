/**
 * The {@code memory} storage provider: the storage SPI's contract kept in the heap. Nothing
 * survives the process; "commit" only marks what a simulated crash would keep, which is what
 * deterministic tests of crash recovery need.
 */
package org.zkplatform.storage.memory;
