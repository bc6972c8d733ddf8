package org.zkplatform.zab.proto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.zkplatform.api.auth.Id;

/** Converts our records' parts to Apache ZooKeeper's jute classes, and runs their codec. */
final class Apache {

    private Apache() {
    }

    static byte[] serialize(Record record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            record.serialize(BinaryOutputArchive.getArchive(bytes), "record");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <R extends Record> R deserialize(R blank, byte[] bytes) throws IOException {
        blank.deserialize(BinaryInputArchive.getArchive(new ByteArrayInputStream(bytes)), "record");
        return blank;
    }

    static org.apache.zookeeper.data.Stat stat(Stat s) {
        return new org.apache.zookeeper.data.Stat(s.czxid(), s.mzxid(), s.ctime(), s.mtime(), s.version(),
                s.cversion(), s.aversion(), s.ephemeralOwner(), s.dataLength(), s.numChildren(), s.pzxid());
    }

    static org.apache.zookeeper.data.Id id(Id id) {
        return new org.apache.zookeeper.data.Id(id.scheme(), id.id());
    }

    static org.apache.zookeeper.data.ACL acl(Acl acl) {
        return new org.apache.zookeeper.data.ACL(acl.perms(), id(acl.id()));
    }

    static List<org.apache.zookeeper.data.ACL> acls(List<Acl> acls) {
        return map(acls, Apache::acl);
    }

    static List<org.apache.zookeeper.data.Id> ids(List<Id> ids) {
        return map(ids, Apache::id);
    }

    static List<org.apache.zookeeper.data.ClientInfo> clientInfos(List<ClientInfo> infos) {
        return map(infos, i -> new org.apache.zookeeper.data.ClientInfo(i.authScheme(), i.user()));
    }

    static List<org.apache.zookeeper.txn.Txn> txns(List<Txn> txns) {
        return map(txns, t -> new org.apache.zookeeper.txn.Txn(t.type(), t.data()));
    }

    private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
        return list == null ? null : list.stream().map(f).collect(Collectors.toList());
    }
}
