package org.zkplatform.zab.proto;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a learner tells the leader about itself in FOLLOWERINFO and OBSERVERINFO. Older
 * learners send fewer fields, so each field is present only if the bytes reach it.
 *
 * @param serverId the learner's sid; present if the data holds at least 8 bytes
 * @param protocolVersion the learner protocol version (0x10000); present if at least 12
 * @param configVersion the learner's config version; present if at least 20
 */
public record LearnerInfo(OptionalLong serverId, OptionalInt protocolVersion, OptionalLong configVersion)
        implements JuteRecord {

    /** The learner protocol version of ZooKeeper 3.4 and later. */
    public static final int PROTOCOL_VERSION = 0x10000;

    public LearnerInfo {
        Objects.requireNonNull(serverId, "serverId is null");
        Objects.requireNonNull(protocolVersion, "protocolVersion is null");
        Objects.requireNonNull(configVersion, "configVersion is null");
        if ((protocolVersion.isPresent() && serverId.isEmpty())
                || (configVersion.isPresent() && protocolVersion.isEmpty())) {
            throw new IllegalArgumentException("a field is present but an earlier one is not");
        }
    }

    /** All three fields, as current learners send them. */
    public static LearnerInfo of(long serverId, int protocolVersion, long configVersion) {
        return new LearnerInfo(
                OptionalLong.of(serverId), OptionalInt.of(protocolVersion), OptionalLong.of(configVersion));
    }

    /** Reads as many fields as the bytes hold, as the leader does; trailing bytes are left unread. */
    public static LearnerInfo read(JuteInput in) throws JuteException {
        OptionalLong serverId = OptionalLong.empty();
        OptionalInt protocolVersion = OptionalInt.empty();
        OptionalLong configVersion = OptionalLong.empty();
        if (in.remaining() >= 8) {
            serverId = OptionalLong.of(in.readLong());
            if (in.remaining() >= 4) {
                protocolVersion = OptionalInt.of(in.readInt());
                if (in.remaining() >= 8) {
                    configVersion = OptionalLong.of(in.readLong());
                }
            }
        }
        return new LearnerInfo(serverId, protocolVersion, configVersion);
    }

    @Override
    public void write(JuteOutput out) {
        serverId.ifPresent(out::writeLong);
        protocolVersion.ifPresent(out::writeInt);
        configVersion.ifPresent(out::writeLong);
    }
}
