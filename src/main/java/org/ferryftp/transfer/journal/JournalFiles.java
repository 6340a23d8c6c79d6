package org.ferryftp.transfer.journal;

import org.ferryftp.fs.ConfigLock;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The journal's files in its directory, and the careful ways of replacing and setting them aside. */
final class JournalFiles {

    static final String NAME = "queue.jsonl";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;

    JournalFiles(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    Path journal() {
        return dir.resolve(NAME);
    }

    Path backup() {
        return dir.resolve(NAME + ".bak");
    }

    private Path temp() {
        return dir.resolve(NAME + ".tmp");
    }

    /**
     * The file to read: the journal, or the backup when a compaction was cut off between setting the
     * old file aside and putting the new one in place; null when there is neither.
     */
    Path existing() {
        if (Files.exists(journal())) {
            return journal();
        }
        return Files.exists(backup()) ? backup() : null;
    }

    /**
     * Replaces the journal with {@code lines} (read once, as they are written), so that at every moment a complete journal exists on
     * disk: the new content is written and forced to a temporary file, the old journal becomes
     * {@code queue.jsonl.bak}, the new one takes its name, and only then is the backup deleted.
     */
    void replace(Iterable<String> lines) throws IOException {
        Files.createDirectories(dir);
        Path tmp = temp();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); Writer w = java.nio.channels.Channels.newWriter(ch,
                StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
            w.flush();
            ch.force(true);
        }
        if (Files.exists(journal())) {
            move(journal(), backup());
        }
        move(tmp, journal());
        forceDirectory();
        Files.deleteIfExists(backup());
    }

    /** Copies a damaged journal to a timestamped name beside it, so that rewriting it loses nothing; returns the copy. */
    Path keepAside(Path file) throws IOException {
        return ConfigLock.keepAside(file, clock);
    }

    /** Moves a journal that cannot be read out of the way; returns where it now is. */
    Path setAside(Path file) throws IOException {
        Path kept = dir.resolve(NAME + ".corrupt-" + STAMP.format(clock.instant()));
        for (int n = 2; Files.exists(kept); n++) {
            kept = dir.resolve(NAME + ".corrupt-" + STAMP.format(clock.instant()) + "-" + n);
        }
        move(file, kept);
        return kept;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the renames durable where the platform allows opening a directory (not on Windows). */
    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the rename itself is already atomic.
        }
    }
}
