package org.zkplatform.zab.proto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The reply to multi and multiRead: each result ({@link MultiResult} writes its own header),
 * then the terminator {@code {-1, true, -1}}.
 *
 * @param results the results, one per op, in order
 */
public record MultiResponse(List<MultiResult> results) implements JuteRecord {

    /** The header that ends the ops of a multi request and the results of a multi response. */
    static final MultiHeader END = new MultiHeader(-1, true, -1);

    public MultiResponse {
        Objects.requireNonNull(results, "results is null");
    }

    /** Reads a response; every result takes at least its 9-byte header, which bounds their number. */
    public static MultiResponse read(JuteInput in) throws JuteException {
        List<MultiResult> results = new ArrayList<>();
        for (MultiHeader h = MultiHeader.read(in); !h.done(); h = MultiHeader.read(in)) {
            results.add(MultiResult.read(h.type(), in));
        }
        return new MultiResponse(Collections.unmodifiableList(results));
    }

    @Override
    public void write(JuteOutput out) {
        for (MultiResult result : results) {
            result.write(out);
        }
        END.write(out);
    }
}
