package org.zkplatform.dist.tools;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.zkplatform.zab.persistence.SnapshotDump;

/**
 * {@code zk-tool dump-snapshot <file>}: every node of one snapshot, a line each, then every
 * session, then whether the snapshot is intact (its checksum seal verified). A {@code .gz}
 * snapshot is decompressed, as the server does.
 */
final class DumpSnapshot implements ToolCommand {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;

    DumpSnapshot(Path file) {
        this.file = file;
    }

    @Override
    public ToolExit run(PrintStream out) throws ToolException {
        String name = file.getFileName().toString();
        if (name.endsWith(".snappy")) {
            throw new ToolException(ToolExit.UNREADABLE, file + ": snappy snapshots are not supported");
        }
        SnapshotDump.Result result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            if (name.endsWith(".gz")) {
                try (InputStream gunzip = new GZIPInputStream(in, BUFFER_BYTES)) {
                    result = SnapshotDump.dump(gunzip, out::println);
                } catch (ZipException | EOFException e) {
                    // Only the constructor throws: it reads the gzip header. Damage further on is the dump's to report.
                    out.println("snapshot damaged: it has no valid gzip header");
                    return ToolExit.DAMAGED;
                }
            } else {
                result = SnapshotDump.dump(in, out::println);
            }
        } catch (NoSuchFileException e) {
            throw new ToolException(ToolExit.UNREADABLE, "cannot read snapshot " + file + ": no such file");
        } catch (IOException e) {
            throw new ToolException(ToolExit.UNREADABLE, "cannot read snapshot " + file + ": " + e.getMessage());
        }
        String counts = Counts.of(result.nodes(), "node") + ", " + Counts.of(result.sessions(), "session");
        if (result.damage().isPresent()) {
            out.println("snapshot damaged: " + result.damage().get() + " (read " + counts + " before it)");
            return ToolExit.DAMAGED;
        }
        out.println("snapshot intact: " + counts);
        return ToolExit.OK;
    }
}
