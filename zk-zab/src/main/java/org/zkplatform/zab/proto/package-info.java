/**
 * ZooKeeper's jute binary encoding and every record the server puts on the client wire, in a
 * txn or on the quorum link, byte-compatible with Apache ZooKeeper 3.9.
 *
 * <p>{@link org.zkplatform.zab.proto.JuteInput} and {@link org.zkplatform.zab.proto.JuteOutput}
 * encode the primitives; each record reads itself with a static {@code read(JuteInput)} and
 * writes itself with {@code write(JuteOutput)}, fields in wire order. The reader bounds every
 * length before it allocates, so hostile input costs an exception, never a huge array.
 *
 * <p>Strings, byte arrays and lists read from the wire may be null, as jute allows; records
 * keep them as they are. Arrays and lists held by records are <em>not copied</em>, because
 * this code sits on the hot path: lists produced by the reader are unmodifiable, and callers
 * must not mutate arrays or lists they hand to a record.
 */
package org.zkplatform.zab.proto;
