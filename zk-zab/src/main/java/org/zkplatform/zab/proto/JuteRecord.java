package org.zkplatform.zab.proto;

/** A jute record: its fields in wire order, with no length prefix or tag of its own. */
public interface JuteRecord {

    /** Appends this record's fields to {@code out}. */
    void write(JuteOutput out);

    /** This record alone, encoded. */
    default byte[] toByteArray() {
        JuteOutput out = new JuteOutput();
        write(out);
        return out.toByteArray();
    }
}
