package org.zkplatform.dist.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a server process, through {@code jcmd} from this JVM's JDK: two full GCs
 * ({@code GC.run}), then the used size {@code GC.heap_info} prints. What is left after a full GC
 * is what the server keeps, whatever garbage the collector would have let accumulate.
 */
final class ServerHeap {

    private static final long JCMD_LIMIT_SECONDS = 120;
    /** G1 prints {@code garbage-first heap   total 262144K, used 10240K [...}; the other collectors alike. */
    private static final Pattern USED = Pattern.compile("heap\\s+total\\s+\\d+[KMG]?,\\s+used\\s+(\\d+)([KMG]?)");

    private ServerHeap() {}

    /** Bytes of heap in use in process {@code pid} after two full GCs. */
    static long usedAfterFullGc(long pid) throws BenchException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String target = Long.toString(pid);
        ExternalCommand.run(JCMD_LIMIT_SECONDS, jcmd, target, "GC.run");
        ExternalCommand.run(JCMD_LIMIT_SECONDS, jcmd, target, "GC.run");
        String info = ExternalCommand.run(JCMD_LIMIT_SECONDS, jcmd, target, "GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new BenchException("cannot read the used heap from jcmd " + pid + " GC.heap_info:\n" + info);
        }
        return Long.parseLong(used.group(1)) * unit(used.group(2));
    }

    private static long unit(String suffix) {
        return switch (suffix.toUpperCase(Locale.ROOT)) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            default -> 1;
        };
    }
}
