package org.ferryftp.transfer.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a journal file into {@link LiveItems}. A torn last line (the process was killed while
 * writing it) is dropped silently: that is how SIGKILL leaves the file. Anything else Ferry never
 * writes is damage: damaged lines are left out and the good ones kept, an empty or all-NUL file (a
 * crash of the machine can leave either) restores nothing; in every case the user is told, with the
 * file's path, and the file as it was is kept aside with a timestamp. Ferry always writes a header,
 * so a journal of an empty queue is one line long, never empty.
 */
final class JournalReader {

    /** Damaged lines named one by one in the message; more are counted. */
    private static final int LINES_NAMED = 3;

    /** Ferry's longest record is a few KiB (two paths and a message); anything near this is not Ferry's. */
    static final int MAX_LINE = 1 << 20;

    /**
     * @param writable false when a damaged journal could not be kept aside: writing a new one
     *                 would then overwrite the user's data
     */
    record Replay(LiveItems live, Optional<String> problem, boolean writable) {
    }

    private final JournalFiles files;
    private final JournalCodec codec;

    JournalReader(JournalFiles files, JournalCodec codec) {
        this.files = files;
        this.codec = codec;
    }

    Replay read() {
        Path file = files.existing();
        if (file == null) {
            return new Replay(new LiveItems(), Optional.empty(), true);
        }
        Scan scan = new Scan();
        try (InputStream in = Files.newInputStream(file)) {
            scan.run(in);
        } catch (IOException e) {
            return unreadable(file, "it could not be read (" + e.getMessage() + ")");
        }
        if (scan.version != JournalCodec.VERSION && scan.version != Scan.NO_HEADER) {
            return keptAside(file, new LiveItems(), "was written in format version " + scan.version
                    + ", which this version of Ferry does not know, so no transfers were restored");
        }
        if (scan.bytes == 0) {
            return keptAside(file, new LiveItems(), "is empty (0 bytes), so no transfers were restored");
        }
        if (!scan.anyNonNul) {
            return keptAside(file, new LiveItems(), "holds only NUL bytes (" + scan.bytes
                    + "), as a crash can leave a file, so no transfers were restored");
        }
        List<String> damage = scan.damage;
        int damaged = scan.damaged;
        if (scan.version == Scan.NO_HEADER) {
            damage.add(0, "no journal header");
            damaged++;
        }
        if (damage.isEmpty()) {
            return new Replay(scan.live, Optional.empty(), true);
        }
        String named = String.join(", ", damage.subList(0, Math.min(LINES_NAMED, damage.size())))
                + (damaged > LINES_NAMED ? " and " + (damaged - LINES_NAMED) + " more" : "");
        return keptAside(file, scan.live, "is damaged: " + named + "; those lines were left out and "
                + scan.live.size() + " items restored from the others");
    }

    /**
     * One pass over the file, a line at a time, so that memory holds one line and the live items, never the
     * whole file: a line longer than {@link #MAX_LINE} (Ferry never writes one) is damage and is not kept.
     * Stops at a header of an unknown version.
     */
    private final class Scan {
        static final int NO_HEADER = -1;

        final LiveItems live = new LiveItems();
        /** The first few damaged lines, described; {@link #damaged} counts them all. */
        final List<String> damage = new ArrayList<>();
        int damaged;
        long bytes;
        boolean anyNonNul;
        int version = NO_HEADER;

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private boolean lineTooLong;
        private boolean lineHasNul;
        private long lineNumber;

        void run(InputStream in) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                int from = 0;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        append(buffer, from, i - from);
                        from = i + 1;
                        if (!endLine(false)) {
                            return;
                        }
                    } else if (b == 0) {
                        lineHasNul = true;
                    } else {
                        anyNonNul = true;
                    }
                }
                append(buffer, from, n - from);
            }
            endLine(true);
        }

        private void append(byte[] buffer, int from, int length) {
            if (lineTooLong || length == 0) {
                return;
            }
            if (line.size() + length > MAX_LINE) {
                lineTooLong = true;
                line.reset();
            } else {
                line.write(buffer, from, length);
            }
        }

        /** @return false to stop reading (a header of another version) */
        private boolean endLine(boolean last) {
            lineNumber++;
            boolean tooLong = lineTooLong;
            boolean nul = lineHasNul;
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            lineTooLong = false;
            lineHasNul = false;
            if (tooLong) {
                damaged("line " + lineNumber + " (longer than " + (MAX_LINE >> 20) + " MiB)");
                return true;
            }
            if (text.isBlank()) {
                return true;
            }
            JournalRecord r;
            try {
                r = codec.decode(text);
            } catch (JournalCodec.BadRecordException e) {
                // Only the last piece can lack its newline; without NULs it was cut off mid-write.
                if (!last || nul) {
                    damaged("line " + lineNumber + " (" + (nul ? "NUL bytes" : e.getMessage()) + ")");
                }
                return true;
            }
            if (r instanceof JournalRecord.Header h) {
                version = h.version();
                return h.version() == JournalCodec.VERSION;
            }
            live.apply(r);
            return true;
        }

        private void damaged(String what) {
            damaged++;
            if (damage.size() < LINES_NAMED) {
                damage.add(what);
            }
        }
    }

    /** Keeps a copy of the damaged file, then carries on with what could be read. */
    private Replay keptAside(Path file, LiveItems live, String what) {
        // What is wrong may quote the file (a record type, a state), which may hold line breaks.
        String start = "The saved transfer queue " + file + " " + what.replace('\r', ' ').replace('\n', ' ') + ". ";
        org.slf4j.LoggerFactory.getLogger(JournalReader.class).warn(start);
        try {
            Path kept = files.keepAside(file);
            return new Replay(live, Optional.of(start + "The file as it was is kept as " + kept + "."), true);
        } catch (IOException e) {
            return new Replay(live, Optional.of(start + "It could not be kept aside (" + e.getMessage()
                    + "), so the queue will not be saved until " + file + " is moved away."), false);
        }
    }

    /** A file that cannot be read cannot be copied either: it is moved out of the way. */
    private Replay unreadable(Path file, String why) {
        String start = "The saved transfer queue could not be restored: " + why + ". ";
        org.slf4j.LoggerFactory.getLogger(JournalReader.class).warn(start);
        try {
            Path kept = files.setAside(file);
            return new Replay(new LiveItems(), Optional.of(start + "The file was kept as " + kept
                    + "; Ferry started with an empty queue."), true);
        } catch (IOException e) {
            return new Replay(new LiveItems(), Optional.of(start + "It could not be moved aside ("
                    + e.getMessage() + "), so it was left as " + file
                    + " and the queue will not be saved until it is removed."), false);
        }
    }
}
