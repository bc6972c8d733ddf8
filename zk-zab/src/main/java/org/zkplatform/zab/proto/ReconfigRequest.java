package org.zkplatform.zab.proto;

/**
 * Change the ensemble's membership, incrementally or wholesale.
 *
 * @param curConfigId the config version the change is based on, or -1 for no check
 */
public record ReconfigRequest(
        String joiningServers,
        String leavingServers,
        String newMembers,
        long curConfigId) implements JuteRecord {

    public static ReconfigRequest read(JuteInput in) throws JuteException {
        return new ReconfigRequest(in.readString(), in.readString(), in.readString(), in.readLong());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(joiningServers);
        out.writeString(leavingServers);
        out.writeString(newMembers);
        out.writeLong(curConfigId);
    }
}
