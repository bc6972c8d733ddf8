package org.zkplatform.zab.proto;

/** {@code QuorumPacket.type} on the leader–learner link. */
public final class QuorumPacketType {

    public static final int REQUEST = 1;
    public static final int PROPOSAL = 2;
    public static final int ACK = 3;
    public static final int COMMIT = 4;
    public static final int PING = 5;
    public static final int REVALIDATE = 6;
    public static final int SYNC = 7;
    public static final int INFORM = 8;
    public static final int COMMITANDACTIVATE = 9;
    public static final int NEWLEADER = 10;
    public static final int FOLLOWERINFO = 11;
    public static final int UPTODATE = 12;
    public static final int DIFF = 13;
    public static final int TRUNC = 14;
    public static final int SNAP = 15;
    public static final int OBSERVERINFO = 16;
    public static final int LEADERINFO = 17;
    public static final int ACKEPOCH = 18;
    public static final int INFORMANDACTIVATE = 19;

    private QuorumPacketType() {
    }

    /** The type's name as ZooKeeper logs it, or {@code "UNKNOWN<type>"}. */
    public static String name(int type) {
        switch (type) {
            case REQUEST: return "REQUEST";
            case PROPOSAL: return "PROPOSAL";
            case ACK: return "ACK";
            case COMMIT: return "COMMIT";
            case PING: return "PING";
            case REVALIDATE: return "REVALIDATE";
            case SYNC: return "SYNC";
            case INFORM: return "INFORM";
            case COMMITANDACTIVATE: return "COMMITANDACTIVATE";
            case NEWLEADER: return "NEWLEADER";
            case FOLLOWERINFO: return "FOLLOWERINFO";
            case UPTODATE: return "UPTODATE";
            case DIFF: return "DIFF";
            case TRUNC: return "TRUNC";
            case SNAP: return "SNAP";
            case OBSERVERINFO: return "OBSERVERINFO";
            case LEADERINFO: return "LEADERINFO";
            case ACKEPOCH: return "ACKEPOCH";
            case INFORMANDACTIVATE: return "INFORMANDACTIVATE";
            default: return "UNKNOWN" + type;
        }
    }
}
