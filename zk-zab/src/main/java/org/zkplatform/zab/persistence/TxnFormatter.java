package org.zkplatform.zab.persistence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.zkplatform.zab.proto.CheckVersionTxn;
import org.zkplatform.zab.proto.CloseSessionTxn;
import org.zkplatform.zab.proto.CreateContainerTxn;
import org.zkplatform.zab.proto.CreateSessionTxn;
import org.zkplatform.zab.proto.CreateTTLTxn;
import org.zkplatform.zab.proto.CreateTxn;
import org.zkplatform.zab.proto.DeleteTxn;
import org.zkplatform.zab.proto.ErrorTxn;
import org.zkplatform.zab.proto.JuteInput;
import org.zkplatform.zab.proto.JuteRecord;
import org.zkplatform.zab.proto.KeeperError;
import org.zkplatform.zab.proto.MultiTxn;
import org.zkplatform.zab.proto.OpCode;
import org.zkplatform.zab.proto.SetACLTxn;
import org.zkplatform.zab.proto.SetDataTxn;
import org.zkplatform.zab.proto.Txn;
import org.zkplatform.zab.proto.TxnHeader;
import org.zkplatform.zab.tree.TxnRecords;

/**
 * One line of text per logged txn, for {@code zk-tool dump-log}: the header's zxid, time,
 * session, cxid and type, then the record's fields in a compact form ({@code key=value}); a
 * multi shows its sub-txns inline. Decodes with the same code as replay, so what it shows is
 * what the server would apply.
 */
public final class TxnFormatter {

    private TxnFormatter() {
    }

    /**
     * The line for the txn in {@code txn}, as stored in the log.
     *
     * @throws IOException if the bytes do not decode as a txn
     */
    public static String format(byte[] txn) throws IOException {
        JuteInput in = new JuteInput(txn);
        TxnHeader header = TxnHeader.read(in);
        String line = "zxid=" + DumpText.hex(header.zxid()) + " time=" + DumpText.time(header.time()) + " session="
                + DumpText.hex(header.clientId()) + " cxid=" + header.cxid() + " " + OpCode.name(header.type());
        String fields = fields(TxnRecords.read(header.type(), in));
        return fields.isEmpty() ? line : line + " " + fields;
    }

    private static String fields(JuteRecord record) throws IOException {
        if (record instanceof CreateTxn t) {
            return path(t.path()) + data(t.data()) + " acl=" + DumpText.acl(t.acl()) + " ephemeral=" + t.ephemeral()
                    + " parentCVersion=" + t.parentCVersion();
        }
        if (record instanceof CreateContainerTxn t) {
            return path(t.path()) + data(t.data()) + " acl=" + DumpText.acl(t.acl()) + " parentCVersion=" + t.parentCVersion();
        }
        if (record instanceof CreateTTLTxn t) {
            return path(t.path()) + data(t.data()) + " acl=" + DumpText.acl(t.acl()) + " parentCVersion=" + t.parentCVersion()
                    + " ttl=" + t.ttl() + "ms";
        }
        if (record instanceof DeleteTxn t) {
            return path(t.path());
        }
        if (record instanceof SetDataTxn t) {
            return path(t.path()) + data(t.data()) + " version=" + t.version();
        }
        if (record instanceof SetACLTxn t) {
            return path(t.path()) + " acl=" + DumpText.acl(t.acl()) + " version=" + t.version();
        }
        if (record instanceof CheckVersionTxn t) {
            return path(t.path()) + " version=" + t.version();
        }
        if (record instanceof ErrorTxn t) {
            return "err=" + error(t.err());
        }
        if (record instanceof CreateSessionTxn t) {
            return "timeout=" + t.timeOut() + "ms";
        }
        if (record instanceof CloseSessionTxn t) {
            return t.paths2Delete() == null ? "" : "ephemerals=" + paths(t.paths2Delete());
        }
        if (record instanceof MultiTxn t) {
            return multi(t.txns());
        }
        return "";
    }

    /** The sub-txns, each as its type and fields, in braces: {@code {create path=/a ...; delete path=/b}}. */
    private static String multi(List<Txn> txns) throws IOException {
        if (txns == null) {
            return "{}";
        }
        List<String> parts = new ArrayList<>();
        for (Txn sub : txns) {
            String fields = fields(TxnRecords.read(sub.type(), new JuteInput(sub.data())));
            parts.add(fields.isEmpty() ? OpCode.name(sub.type()) : OpCode.name(sub.type()) + " " + fields);
        }
        return "{" + String.join("; ", parts) + "}";
    }

    private static String path(String path) {
        return "path=" + DumpText.text(path);
    }

    private static String data(byte[] data) {
        return " data=" + DumpText.data(data);
    }

    private static String paths(List<String> paths) {
        List<String> shown = new ArrayList<>();
        paths.forEach(path -> shown.add(DumpText.text(path)));
        return "[" + String.join(",", shown) + "]";
    }

    /** {@code NO_NODE(-101)}, or the bare code if ZooKeeper has no name for it. */
    private static String error(int code) {
        try {
            return KeeperError.ofCode(code).name() + "(" + code + ")";
        } catch (IllegalArgumentException e) {
            return Integer.toString(code);
        }
    }
}
