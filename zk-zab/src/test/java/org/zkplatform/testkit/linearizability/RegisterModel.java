package org.zkplatform.testkit.linearizability;

/**
 * Integer registers, one per key, each starting at 0: a read returns the last value written. The
 * textbook object, for testing the checker on the histories of the literature.
 */
public final class RegisterModel implements Model<Integer, RegisterOp, RegisterResult> {

    @Override
    public Integer init() {
        return 0;
    }

    @Override
    public Outcome<Integer, RegisterResult> apply(Integer state, RegisterOp op) {
        if (op instanceof RegisterOp.Write write) {
            return new Outcome<>(write.value(), RegisterResult.Ack.OK);
        }
        return new Outcome<>(state, new RegisterResult.Value(state));
    }

    @Override
    public String partition(RegisterOp op) {
        return op.key();
    }

    @Override
    public boolean isReadOnly(RegisterOp op) {
        return op instanceof RegisterOp.Read;
    }
}
