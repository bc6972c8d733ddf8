package org.zkplatform.zab.proto;

import java.util.List;
import org.zkplatform.api.auth.Id;

/**
 * Encodes the SPI's {@link Id} as the jute record {@code Id{ustring scheme, ustring id}}, so
 * that ACLs and auth info need no second identity type.
 *
 * <p>{@link Id} cannot hold nulls, so an id whose scheme or id is null on the wire does not
 * decode: the request fails with a {@link JuteException}.
 */
public final class IdCodec {

    /** The fewest bytes an encoded id takes: two string lengths. */
    public static final int MIN_BYTES = 8;

    private IdCodec() {
    }

    public static Id read(JuteInput in) throws JuteException {
        String scheme = in.readString();
        String id = in.readString();
        if (scheme == null || id == null) {
            throw new JuteException("Id with a null " + (scheme == null ? "scheme" : "id"));
        }
        return new Id(scheme, id);
    }

    public static void write(Id id, JuteOutput out) {
        out.writeString(id.scheme());
        out.writeString(id.id());
    }

    /** A {@code vector<Id>}; -1 is a null list. */
    public static List<Id> readList(JuteInput in) throws JuteException {
        return in.readList(MIN_BYTES, IdCodec::read);
    }

    public static void writeList(List<Id> ids, JuteOutput out) {
        out.writeList(ids, IdCodec::write);
    }
}
