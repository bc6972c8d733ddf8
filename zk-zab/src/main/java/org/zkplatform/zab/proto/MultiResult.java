package org.zkplatform.zab.proto;

import java.util.Objects;

/**
 * One result of a multi or multiRead: a {@link MultiHeader}{@code {type, false, err}} and the
 * record for that type. Writing a result writes both.
 */
public sealed interface MultiResult extends JuteRecord
        permits MultiResult.Create, MultiResult.Create2, MultiResult.Delete, MultiResult.Check,
                MultiResult.SetData, MultiResult.GetData, MultiResult.GetChildren, MultiResult.Error {

    /** The result type in the header: the op code, or -1 for an error. */
    int type();

    /** Reads the record of a result whose header said {@code type}. */
    static MultiResult read(int type, JuteInput in) throws JuteException {
        switch (type) {
            case OpCode.CREATE:
                return new Create(CreateResponse.read(in));
            case OpCode.CREATE2:
                return new Create2(Create2Response.read(in));
            case OpCode.DELETE:
                return new Delete();
            case OpCode.CHECK:
                return new Check();
            case OpCode.SET_DATA:
                return new SetData(SetDataResponse.read(in));
            case OpCode.GET_DATA:
                return new GetData(GetDataResponse.read(in));
            case OpCode.GET_CHILDREN:
                return new GetChildren(GetChildrenResponse.read(in));
            case OpCode.ERROR:
                return new Error(ErrorResponse.read(in).err());
            default:
                throw new JuteException("Invalid type " + type + " in MultiResponse");
        }
    }

    /** The result of an op sent as create (1). */
    record Create(CreateResponse response) implements MultiResult {
        public Create {
            Objects.requireNonNull(response, "response is null");
        }

        @Override
        public int type() {
            return OpCode.CREATE;
        }

        @Override
        public void write(JuteOutput out) {
            new MultiHeader(type(), false, 0).write(out);
            response.write(out);
        }
    }

    /** The result of an op sent as create2, createContainer or createTTL. */
    record Create2(Create2Response response) implements MultiResult {
        public Create2 {
            Objects.requireNonNull(response, "response is null");
        }

        @Override
        public int type() {
            return OpCode.CREATE2;
        }

        @Override
        public void write(JuteOutput out) {
            new MultiHeader(type(), false, 0).write(out);
            response.write(out);
        }
    }

    /** The result of a delete: the header alone. */
    record Delete() implements MultiResult {
        @Override
        public int type() {
            return OpCode.DELETE;
        }

        @Override
        public void write(JuteOutput out) {
            new MultiHeader(type(), false, 0).write(out);
        }
    }

    /** The result of a check: the header alone. */
    record Check() implements MultiResult {
        @Override
        public int type() {
            return OpCode.CHECK;
        }

        @Override
        public void write(JuteOutput out) {
            new MultiHeader(type(), false, 0).write(out);
        }
    }

    /** The result of a setData. */
    record SetData(SetDataResponse response) implements MultiResult {
        public SetData {
            Objects.requireNonNull(response, "response is null");
        }

        @Override
        public int type() {
            return OpCode.SET_DATA;
        }

        @Override
        public void write(JuteOutput out) {
            new MultiHeader(type(), false, 0).write(out);
            response.write(out);
        }
    }

    /** The result of a getData in a multiRead. */
    record GetData(GetDataResponse response) implements MultiResult {
        public GetData {
            Objects.requireNonNull(response, "response is null");
        }

        @Override
        public int type() {
            return OpCode.GET_DATA;
        }

        @Override
        public void write(JuteOutput out) {
            new MultiHeader(type(), false, 0).write(out);
            response.write(out);
        }
    }

    /** The result of a getChildren in a multiRead. */
    record GetChildren(GetChildrenResponse response) implements MultiResult {
        public GetChildren {
            Objects.requireNonNull(response, "response is null");
        }

        @Override
        public int type() {
            return OpCode.GET_CHILDREN;
        }

        @Override
        public void write(JuteOutput out) {
            new MultiHeader(type(), false, 0).write(out);
            response.write(out);
        }
    }

    /**
     * An error result: the header carries the code and is followed by {@link ErrorResponse}.
     * In a failed multi, the ops before the failing one get code 0 and those after it
     * RuntimeInconsistency.
     *
     * @param err a {@link KeeperError} code
     */
    record Error(int err) implements MultiResult {
        @Override
        public int type() {
            return OpCode.ERROR;
        }

        @Override
        public void write(JuteOutput out) {
            new MultiHeader(type(), false, err).write(out);
            new ErrorResponse(err).write(out);
        }
    }
}
