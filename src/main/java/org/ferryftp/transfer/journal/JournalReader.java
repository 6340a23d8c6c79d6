package org.ferryftp.transfer.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Replays a journal file into {@link LiveItems}. A torn last line (the process was killed while
 * writing it) is dropped silently; any other damage sets the whole file aside, untouched, and
 * yields an empty queue and a message, because guessing around damage could resurrect or lose
 * items without anyone noticing.
 */
final class JournalReader {

    /**
     * @param writable false when a damaged journal could not be moved aside: writing a new one
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
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return damaged(file, "it could not be read (" + e.getMessage() + ")");
        }
        LiveItems live = new LiveItems();
        String[] lines = text.split("\n", -1);
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // Only the last piece can lack its newline; if it does not parse it was cut off mid-write.
            boolean unterminated = i == lines.length - 1;
            if (line.isBlank()) {
                continue;
            }
            JournalRecord r;
            try {
                r = codec.decode(line);
            } catch (JournalCodec.BadRecordException e) {
                if (unterminated) {
                    break;
                }
                return damaged(file, "line " + (i + 1) + " is damaged (" + e.getMessage() + ")");
            }
            if (r instanceof JournalRecord.Header h) {
                if (h.version() != JournalCodec.VERSION) {
                    return damaged(file, "it was written in format version " + h.version()
                            + ", which this version of Ferry does not know");
                }
                headerSeen = true;
            } else if (!headerSeen) {
                return damaged(file, "it does not start with a journal header");
            } else {
                live.apply(r);
            }
        }
        return new Replay(live, Optional.empty(), true);
    }

    private Replay damaged(Path file, String why) {
        // The reason may quote the file (a record type, a state), which may hold line breaks.
        String start = "The saved transfer queue could not be restored: " + why.replace('\r', ' ').replace('\n', ' ')
                + ". ";
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
