package org.zkplatform.zab.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jute.Record;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our codec against Apache ZooKeeper 3.9.5's generated jute records: the same values must give
 * the same bytes, and our reader must decode Apache's bytes as Apache's reader does.
 */
class ApacheCompatTest {

    private static final int SAMPLES = 500;

    @TestFactory
    Stream<DynamicTest> everyRecordMatchesApacheByteForByte() {
        return RecordCatalog.all().stream()
                .filter(e -> e.apache() != null)
                .map(e -> DynamicTest.dynamicTest(e.name(), () -> compare(e)));
    }

    private static <T extends JuteRecord> void compare(RecordCatalog.Entry<T> entry) throws IOException {
        Samples samples = new Samples(31L * entry.name().hashCode(), true);
        for (int i = 0; i < SAMPLES; i++) {
            T record = entry.sample().apply(samples);
            String what = entry.name() + " sample " + i + ": " + record;
            byte[] theirs = Apache.serialize(entry.apache().apply(record));
            assertArrayEquals(theirs, record.toByteArray(), what);

            JuteInput in = new JuteInput(theirs);
            T decoded = entry.reader().read(in);
            assertEquals(0, in.remaining(), what);
            Record theirDecoded = Apache.deserialize(entry.blank().get(), theirs);
            assertArrayEquals(Apache.serialize(theirDecoded), decoded.toByteArray(), what);
        }
    }

    @Test
    void surrogatePairsAreEncodedAsTwoThreeByteSequencesLikeApache() {
        String grin = "\uD83D\uDE00";
        byte[] ours = new WatcherEvent(1, 3, grin).toByteArray();
        byte[] theirs = Apache.serialize(new org.apache.zookeeper.proto.WatcherEvent(1, 3, grin));
        assertArrayEquals(theirs, ours);
        byte[] string = Arrays.copyOfRange(ours, 8, ours.length);
        assertArrayEquals(new byte[] {0, 0, 0, 6, (byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8,
            (byte) 0x80}, string);
    }

    @Test
    void decodesStringsAsApacheDoes() throws IOException {
        for (String s : List.of("plain", "é中", "\uD83D\uDE00", "lone\uD800", "\uFFFF")) {
            byte[] bytes = Apache.serialize(new org.apache.zookeeper.proto.SyncRequest(s));
            String theirs = Apache.deserialize(new org.apache.zookeeper.proto.SyncRequest(), bytes).getPath();
            assertEquals(theirs, SyncRequest.read(new JuteInput(bytes)).path());
        }
    }

    @Test
    void readsAnOldV0CreateTxnAsApacheDoes() throws IOException {
        List<Acl> acl = List.of(new Acl(Perms.ALL, new org.zkplatform.api.auth.Id("world", "anyone")));
        byte[] v0 = Apache.serialize(new org.apache.zookeeper.txn.CreateTxnV0("/a", new byte[] {7}, Apache.acls(acl), true));
        CreateTxn txn = CreateTxn.read(new JuteInput(v0));
        assertEquals("/a", txn.path());
        assertArrayEquals(new byte[] {7}, txn.data());
        assertEquals(acl, txn.acl());
        assertEquals(true, txn.ephemeral());
        assertEquals(-1, txn.parentCVersion());
    }

    @Test
    void nullFieldsAreWrittenAsApacheWritesThem() {
        byte[] ours = new CreateRequest(null, null, null, 0).toByteArray();
        byte[] theirs = Apache.serialize(new org.apache.zookeeper.proto.CreateRequest(null, null, null, 0));
        assertArrayEquals(theirs, ours);
        assertArrayEquals(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0}, ours);
        assertArrayEquals(Apache.serialize(new org.apache.zookeeper.proto.GetChildrenResponse(null)),
                new GetChildrenResponse(null).toByteArray());
    }
}
