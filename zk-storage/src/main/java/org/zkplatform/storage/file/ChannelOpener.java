package org.zkplatform.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens the channel a new txn log file is written through; a seam so tests can observe fsyncs. */
@FunctionalInterface
interface ChannelOpener {

    ChannelOpener DEFAULT = file -> FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /** Creates {@code file}, which must not exist, for writing. */
    FileChannel create(Path file) throws IOException;
}
