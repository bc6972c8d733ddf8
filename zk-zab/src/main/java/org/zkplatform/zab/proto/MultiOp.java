package org.zkplatform.zab.proto;

import java.util.Objects;

/**
 * One operation of a multi or multiRead: an op code and the request record that follows its
 * {@link MultiHeader}. Only the ops a multi may hold can be built.
 */
public sealed interface MultiOp
        permits MultiOp.Create, MultiOp.CreateTtl, MultiOp.Delete, MultiOp.SetData, MultiOp.Check,
                MultiOp.GetData, MultiOp.GetChildren {

    /** The {@link OpCode} sent in the op's header. */
    int opCode();

    /** The request record sent after the header. */
    JuteRecord request();

    /** Whether the op belongs in a multiRead rather than a multi. */
    default boolean isRead() {
        return false;
    }

    /** Reads the request record of an op whose header said {@code opCode}. */
    static MultiOp read(int opCode, JuteInput in) throws JuteException {
        switch (opCode) {
            case OpCode.CREATE:
            case OpCode.CREATE2:
            case OpCode.CREATE_CONTAINER:
                return new Create(opCode, CreateRequest.read(in));
            case OpCode.CREATE_TTL:
                return new CreateTtl(CreateTTLRequest.read(in));
            case OpCode.DELETE:
                return new Delete(DeleteRequest.read(in));
            case OpCode.SET_DATA:
                return new SetData(SetDataRequest.read(in));
            case OpCode.CHECK:
                return new Check(CheckVersionRequest.read(in));
            case OpCode.GET_DATA:
                return new GetData(GetDataRequest.read(in));
            case OpCode.GET_CHILDREN:
                return new GetChildren(GetChildrenRequest.read(in));
            default:
                throw new JuteException("Invalid type of op " + opCode + " in a multi");
        }
    }

    /** create (1), create2 (15) or createContainer (19). */
    record Create(int opCode, CreateRequest request) implements MultiOp {
        public Create {
            if (opCode != OpCode.CREATE && opCode != OpCode.CREATE2 && opCode != OpCode.CREATE_CONTAINER) {
                throw new IllegalArgumentException("not a create op: " + opCode);
            }
            Objects.requireNonNull(request, "request is null");
        }
    }

    /** createTTL (21). */
    record CreateTtl(CreateTTLRequest request) implements MultiOp {
        public CreateTtl {
            Objects.requireNonNull(request, "request is null");
        }

        @Override
        public int opCode() {
            return OpCode.CREATE_TTL;
        }
    }

    /** delete (2). */
    record Delete(DeleteRequest request) implements MultiOp {
        public Delete {
            Objects.requireNonNull(request, "request is null");
        }

        @Override
        public int opCode() {
            return OpCode.DELETE;
        }
    }

    /** setData (5). */
    record SetData(SetDataRequest request) implements MultiOp {
        public SetData {
            Objects.requireNonNull(request, "request is null");
        }

        @Override
        public int opCode() {
            return OpCode.SET_DATA;
        }
    }

    /** check (13): valid only inside a multi. */
    record Check(CheckVersionRequest request) implements MultiOp {
        public Check {
            Objects.requireNonNull(request, "request is null");
        }

        @Override
        public int opCode() {
            return OpCode.CHECK;
        }
    }

    /** getData (4), in a multiRead. */
    record GetData(GetDataRequest request) implements MultiOp {
        public GetData {
            Objects.requireNonNull(request, "request is null");
        }

        @Override
        public int opCode() {
            return OpCode.GET_DATA;
        }

        @Override
        public boolean isRead() {
            return true;
        }
    }

    /** getChildren (8), in a multiRead. */
    record GetChildren(GetChildrenRequest request) implements MultiOp {
        public GetChildren {
            Objects.requireNonNull(request, "request is null");
        }

        @Override
        public int opCode() {
            return OpCode.GET_CHILDREN;
        }

        @Override
        public boolean isRead() {
            return true;
        }
    }
}
