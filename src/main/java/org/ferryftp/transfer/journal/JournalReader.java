package org.ferryftp.transfer.journal;

import java.io.IOException;
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return unreadable(file, "it could not be read (" + e.getMessage() + ")");
        }
        if (bytes.length == 0) {
            return keptAside(file, new LiveItems(), "is empty (0 bytes), so no transfers were restored");
        }
        if (allNul(bytes)) {
            return keptAside(file, new LiveItems(), "holds only NUL bytes (" + bytes.length
                    + "), as a crash can leave a file, so no transfers were restored");
        }
        LiveItems live = new LiveItems();
        List<String> damage = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            JournalRecord r;
            try {
                r = codec.decode(line);
            } catch (JournalCodec.BadRecordException e) {
                // Only the last piece can lack its newline; without NULs it was cut off mid-write.
                boolean torn = i == lines.length - 1 && line.indexOf('\0') < 0;
                if (!torn) {
                    damage.add("line " + (i + 1) + " (" + (line.indexOf('\0') >= 0 ? "NUL bytes" : e.getMessage())
                            + ")");
                }
                continue;
            }
            if (r instanceof JournalRecord.Header h) {
                if (h.version() != JournalCodec.VERSION) {
                    return keptAside(file, new LiveItems(), "was written in format version " + h.version()
                            + ", which this version of Ferry does not know, so no transfers were restored");
                }
                headerSeen = true;
            } else {
                live.apply(r);
            }
        }
        if (!headerSeen) {
            damage.add(0, "no journal header");
        }
        if (damage.isEmpty()) {
            return new Replay(live, Optional.empty(), true);
        }
        String named = String.join(", ", damage.subList(0, Math.min(LINES_NAMED, damage.size())))
                + (damage.size() > LINES_NAMED ? " and " + (damage.size() - LINES_NAMED) + " more" : "");
        return keptAside(file, live, "is damaged: " + named + "; those lines were left out and "
                + live.size() + " items restored from the others");
    }

    private static boolean allNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
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
