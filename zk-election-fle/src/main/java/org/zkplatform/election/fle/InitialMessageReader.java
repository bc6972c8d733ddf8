package org.zkplatform.election.fle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@link InitialMessage} from bytes that arrive in pieces of any size. It takes exactly
 * the message's bytes from each buffer and leaves what follows (the first frames) in place.
 * Unlike ZooKeeper, which reads the address with one {@code read} call and fails when TCP splits
 * it, a split message is simply awaited.
 */
final class InitialMessageReader {

    /** What {@link #feed} found. */
    sealed interface Result permits Incomplete, Complete, Refused {
    }

    /** More bytes are needed. */
    record Incomplete() implements Result {
    }

    record Complete(InitialMessage message) implements Result {
    }

    /** @param reason one line for the log; the connection must be closed */
    record Refused(String reason) implements Result {
    }

    private static final Incomplete INCOMPLETE = new Incomplete();
    private static final int SID_AND_LENGTH_BYTES = 8 + 4;

    /** Collects the bytes of the current field; never larger than the longest field. */
    private final ByteBuffer field = ByteBuffer.allocate(InitialMessage.MAX_ADDRESS_BYTES);
    private long protocolVersion;
    private long sid;
    private int addressLength;
    private Phase phase = Phase.VERSION;

    private enum Phase { VERSION, SID_AND_LENGTH, ADDRESS, DONE }

    /** Consumes bytes of {@code data} until the message is complete or refused. */
    Result feed(ByteBuffer data) {
        if (phase == Phase.DONE) {
            throw new IllegalStateException("the initial message was already read");
        }
        // Three fields at most; each pass of the loop either completes one or runs out of input.
        for (int pass = 0; pass < 3; pass++) {
            int wanted = switch (phase) {
                case VERSION -> 8;
                case SID_AND_LENGTH -> SID_AND_LENGTH_BYTES;
                case ADDRESS -> addressLength;
                case DONE -> 0;
            };
            if (!fill(data, wanted)) {
                return INCOMPLETE;
            }
            field.flip();
            Result result = switch (phase) {
                case VERSION -> onVersion(field.getLong());
                case SID_AND_LENGTH -> onSidAndLength(field.getLong(), field.getInt());
                case ADDRESS -> onAddress(field);
                case DONE -> throw new IllegalStateException("unreachable");
            };
            field.clear();
            if (result != null) {
                phase = Phase.DONE;
                return result;
            }
        }
        throw new IllegalStateException("the initial message has three fields");
    }

    private boolean fill(ByteBuffer data, int wanted) {
        int missing = wanted - field.position();
        int take = Math.min(missing, data.remaining());
        ByteBuffer slice = data.duplicate();
        slice.limit(slice.position() + take);
        field.put(slice);
        data.position(data.position() + take);
        return field.position() == wanted;
    }

    private Result onVersion(long first) {
        if (first >= 0) {
            return new Complete(new InitialMessage(first, first, List.of()));
        }
        if (first != InitialMessage.PROTOCOL_V1 && first != InitialMessage.PROTOCOL_V2) {
            return new Refused("unrecognized protocol version " + first);
        }
        protocolVersion = first;
        phase = Phase.SID_AND_LENGTH;
        return null;
    }

    private Result onSidAndLength(long sender, int length) {
        if (length <= 0 || length > InitialMessage.MAX_ADDRESS_BYTES) {
            return new Refused("unreasonable address length " + length + " from server " + sender);
        }
        sid = sender;
        addressLength = length;
        phase = Phase.ADDRESS;
        return null;
    }

    private Result onAddress(ByteBuffer bytes) {
        String text = StandardCharsets.UTF_8.decode(bytes).toString();
        List<String> addresses = new ArrayList<>();
        for (String address : text.split("\\|", 64)) {
            String problem = InitialMessage.addressProblem(address);
            if (problem != null) {
                return new Refused(problem + " from server " + sid);
            }
            addresses.add(address);
        }
        return new Complete(new InitialMessage(protocolVersion, sid, addresses));
    }
}
