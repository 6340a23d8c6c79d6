package org.ferryftp.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A download in progress. Bytes go to {@code name.ferry-part} next to the target, which only
 * appears, atomically and complete, on {@link #commit(boolean)}; a failed download leaves the partial
 * file for a later resume and never a truncated file under the real name.
 */
public final class PartialDownload implements AutoCloseable {

    public static final String SUFFIX = ".ferry-part";

    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private final long resumeOffset;
    private boolean committed;

    private PartialDownload(Path target, Path partial, FileChannel channel, long resumeOffset) {
        this.target = target;
        this.partial = partial;
        this.channel = channel;
        this.resumeOffset = resumeOffset;
    }

    /** Starts (or with {@code resume}, continues) a download to {@code target}. */
    public static PartialDownload open(Path target, boolean resume) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + SUFFIX);
        if (resume && !Files.exists(partial) && Files.isRegularFile(target)) {
            // Resuming a file another tool left behind: continue it under the partial name.
            Files.move(target, partial);
        }
        FileChannel ch;
        long offset = 0;
        if (resume && Files.exists(partial)) {
            ch = FileChannel.open(partial, StandardOpenOption.WRITE);
            offset = ch.size();
            ch.position(offset);
        } else {
            ch = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
        return new PartialDownload(target, partial, ch, offset);
    }

    /** Bytes already present from an earlier attempt; the server must send from here. */
    public long resumeOffset() {
        return resumeOffset;
    }

    public Path partialPath() {
        return partial;
    }

    /** Stream to write the downloaded bytes to; closing it does not commit. */
    public OutputStream stream() {
        return Channels.newOutputStream(channel);
    }

    /** Bytes in the partial file now. */
    public long size() throws IOException {
        return channel.size();
    }

    /**
     * Renames the partial file to the target in one step. With {@code durable} the bytes are forced
     * to disk first, so even a power loss cannot leave a short file under the real name; without it
     * (the default, as in curl, lftp and FileZilla) a crash of Ferry itself still cannot.
     */
    public void commit(boolean durable) throws IOException {
        if (durable) {
            channel.force(true);
        }
        channel.close();
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Closes without committing; the partial file stays for a resume. */
    @Override
    public void close() throws IOException {
        if (!committed && channel.isOpen()) {
            channel.close();
        }
    }
}
