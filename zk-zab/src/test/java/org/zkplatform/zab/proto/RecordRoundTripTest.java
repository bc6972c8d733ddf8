package org.zkplatform.zab.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every record reads back what it wrote. */
class RecordRoundTripTest {

    private static final int SAMPLES = 300;

    @TestFactory
    Stream<DynamicTest> everyRecordRoundTrips() {
        return RecordCatalog.all().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> roundTrip(e)));
    }

    private static <T extends JuteRecord> void roundTrip(RecordCatalog.Entry<T> entry) throws JuteException {
        Samples samples = new Samples(entry.name().hashCode(), false);
        for (int i = 0; i < SAMPLES; i++) {
            T record = entry.sample().apply(samples);
            byte[] bytes = record.toByteArray();
            JuteInput in = new JuteInput(bytes);
            T back = entry.reader().read(in);
            String what = entry.name() + " sample " + i + ": " + record;
            assertEquals(0, in.remaining(), what);
            assertTrue(Deep.equals(record, back), what + " read back as " + back);
            assertArrayEquals(bytes, back.toByteArray(), what);
        }
    }

    @Test
    void everyRecordOfThePackageIsCatalogued() throws IOException, URISyntaxException {
        Path dir = Path.of(JuteRecord.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(JuteRecord.class.getPackageName().replace('.', '/'));
        Set<String> records = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
                    Class<?> type = forName(name.substring(0, name.length() - ".class".length()));
                    if (JuteRecord.class.isAssignableFrom(type) && !type.isInterface()) {
                        records.add(type.getSimpleName());
                    }
                }
            }
        }
        Set<String> catalogued = RecordCatalog.all().stream()
                .map(e -> e.type().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(records.size() > 60, "found only " + records);
        assertEquals(records, catalogued);
    }

    private static Class<?> forName(String simpleName) {
        try {
            return Class.forName(JuteRecord.class.getPackageName() + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
