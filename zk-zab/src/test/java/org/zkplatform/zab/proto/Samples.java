package org.zkplatform.zab.proto;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.zkplatform.api.auth.Id;

/**
 * Seeded random field values for record tests, biased towards the edges: null and empty
 * strings, buffers and lists, non-ASCII text, surrogate pairs and lone surrogates, and
 * extreme numbers.
 */
final class Samples {

    private static final String[] TEXT = {
        "", "/", "/a/b/c", "zookeeper", "digest", "world", "anyone", "é", "/ünïcödé/ñ",
        "中文路径", "/\u0800\u07FF\u0080\u007F", "😀", "a😀b\uD83D\uDE00", "lone\uD800", "\uDC00tail",
        "\uFFFF", "x".repeat(300),
    };

    private final Random random;
    private final boolean surrogates;

    /**
     * @param surrogates whether strings may hold surrogates, which the jute encoding does not
     *     round-trip: the writer's CESU-8 style bytes decode as replacement characters
     */
    Samples(long seed, boolean surrogates) {
        this.random = new Random(seed);
        this.surrogates = surrogates;
    }

    int anInt() {
        switch (random.nextInt(6)) {
            case 0: return 0;
            case 1: return -1;
            case 2: return Integer.MAX_VALUE;
            case 3: return Integer.MIN_VALUE;
            default: return random.nextInt();
        }
    }

    long aLong() {
        switch (random.nextInt(6)) {
            case 0: return 0;
            case 1: return -1;
            case 2: return Long.MAX_VALUE;
            case 3: return Long.MIN_VALUE;
            default: return random.nextLong();
        }
    }

    /** A uniform int in [0, n). */
    int below(int n) {
        return random.nextInt(n);
    }

    boolean aBoolean() {
        return random.nextBoolean();
    }

    /** A string that is never null. */
    String text() {
        String s = random.nextInt(3) == 0 ? TEXT[random.nextInt(TEXT.length)] : randomText();
        return surrogates || s.chars().noneMatch(c -> Character.isSurrogate((char) c)) ? s : text();
    }

    /** A string that may be null. */
    String string() {
        return random.nextInt(8) == 0 ? null : text();
    }

    byte[] bytes() {
        int choice = random.nextInt(8);
        if (choice == 0) {
            return null;
        }
        byte[] b = new byte[choice == 1 ? 0 : random.nextInt(64)];
        random.nextBytes(b);
        return b;
    }

    List<String> strings() {
        return list(this::string);
    }

    List<Acl> acls() {
        return list(() -> new Acl(anInt(), id()));
    }

    List<Id> ids() {
        return list(this::id);
    }

    List<ClientInfo> clientInfos() {
        return list(() -> new ClientInfo(string(), string()));
    }

    List<Txn> txns() {
        return list(() -> new Txn(anInt(), bytes()));
    }

    Id id() {
        return new Id(text(), text());
    }

    Stat stat() {
        return new Stat(aLong(), aLong(), aLong(), aLong(), anInt(), anInt(), anInt(), aLong(), anInt(), anInt(), aLong());
    }

    StatPersisted statPersisted() {
        return new StatPersisted(aLong(), aLong(), aLong(), aLong(), anInt(), anInt(), anInt(), aLong(), aLong());
    }

    private interface Maker<T> {
        T make();
    }

    private <T> List<T> list(Maker<T> maker) {
        int choice = random.nextInt(6);
        if (choice == 0) {
            return null;
        }
        int n = choice == 1 ? 0 : random.nextInt(5);
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(maker.make());
        }
        return list;
    }

    private String randomText() {
        int n = random.nextInt(12);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(5)) {
                case 0: sb.append((char) (0x20 + random.nextInt(0x5F))); break;
                case 1: sb.append((char) (0x80 + random.nextInt(0x780))); break;
                case 2: sb.append((char) (0x800 + random.nextInt(0xD000))); break;
                case 3: sb.appendCodePoint(0x10000 + random.nextInt(0xFFFFF)); break;
                default: sb.append((char) random.nextInt(0x10000)); break;
            }
        }
        return sb.toString();
    }
}
