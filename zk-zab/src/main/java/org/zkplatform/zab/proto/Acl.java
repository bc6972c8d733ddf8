package org.zkplatform.zab.proto;

import java.util.List;
import java.util.Objects;
import org.zkplatform.api.auth.Id;

/**
 * One ACL entry: the {@link Perms} bits granted to an identity.
 *
 * @param perms a combination of {@link Perms} bits
 * @param id who is granted them
 */
public record Acl(int perms, Id id) implements JuteRecord {

    /** The fewest bytes an encoded entry takes. */
    public static final int MIN_BYTES = 4 + IdCodec.MIN_BYTES;

    public Acl {
        Objects.requireNonNull(id, "id is null");
    }

    public static Acl read(JuteInput in) throws JuteException {
        return new Acl(in.readInt(), IdCodec.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(perms);
        IdCodec.write(id, out);
    }

    /** A {@code vector<ACL>}; -1 is a null list. */
    public static List<Acl> readList(JuteInput in) throws JuteException {
        return in.readList(MIN_BYTES, Acl::read);
    }

    public static void writeList(List<Acl> acl, JuteOutput out) {
        out.writeList(acl, Acl::write);
    }
}
