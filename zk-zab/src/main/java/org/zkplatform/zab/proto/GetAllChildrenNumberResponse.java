package org.zkplatform.zab.proto;

/**
 * The reply to getAllChildrenNumber.
 */
public record GetAllChildrenNumberResponse(int totalNumber) implements JuteRecord {

    public static GetAllChildrenNumberResponse read(JuteInput in) throws JuteException {
        return new GetAllChildrenNumberResponse(in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(totalNumber);
    }
}
