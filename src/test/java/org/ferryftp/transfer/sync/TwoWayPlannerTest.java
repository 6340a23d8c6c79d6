package org.ferryftp.transfer.sync;

import org.ferryftp.fs.LocalBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Synchronizing both ways between two real folders: each side gets what it lacks and the newer file; the rest asks. */
class TwoWayPlannerTest {

    @TempDir
    Path tmp;

    static void write(Path file, String text, String time) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
    }

    List<String> plan(Path left, Path right, SyncRules rules) throws IOException {
        List<String> out = new ArrayList<>();
        try (LocalBrowser browser = new LocalBrowser()) {
            new TwoWayPlanner(rules).plan(browser, left.toString(), browser, right.toString(),
                    s -> out.add(switch (s.towards()) {
                        case RIGHT -> "→ ";
                        case LEFT -> "← ";
                        case EITHER -> "? ";
                    } + s.step().line()));
        }
        return out;
    }

    @Test
    void newerWinsMissingIsCopiedAndWhatTimeCannotDecideIsAConflict() throws Exception {
        Path l = Files.createDirectories(tmp.resolve("l"));
        Path r = Files.createDirectories(tmp.resolve("r"));
        write(l.resolve("same.txt"), "x", "2024-01-01T00:00:00Z");
        write(r.resolve("same.txt"), "x", "2024-01-01T00:00:00Z");
        write(l.resolve("left-newer.txt"), "new", "2024-03-01T00:00:00Z");
        write(r.resolve("left-newer.txt"), "old!", "2024-01-01T00:00:00Z");
        write(l.resolve("right-newer.txt"), "old", "2024-01-01T00:00:00Z");
        write(r.resolve("right-newer.txt"), "new", "2024-03-01T00:00:00Z");
        write(l.resolve("both.txt"), "left", "2024-01-01T00:00:00Z");
        write(r.resolve("both.txt"), "right!", "2024-01-01T00:00:00Z");
        write(l.resolve("only-left/a.txt"), "a", "2024-01-01T00:00:00Z");
        write(r.resolve("only-right.txt"), "b", "2024-01-01T00:00:00Z");
        write(l.resolve("kind"), "a file", "2024-01-01T00:00:00Z");
        write(r.resolve("kind/inside.txt"), "a dir", "2024-01-01T00:00:00Z");
        write(l.resolve("d/deep.txt"), "deep, newer", "2024-03-01T00:00:00Z");
        write(r.resolve("d/deep.txt"), "deep", "2024-01-01T00:00:00Z");

        assertEquals(List.of(
                "? update  both.txt  (size differs (4 ≠ 6 bytes); same time: which side changed is not known)",
                "→ update  d/deep.txt  (size differs (11 ≠ 4 bytes); the left is newer)",
                "? replace kind  (a file at the left, a directory at the right)",
                "→ update  left-newer.txt  (size differs (3 ≠ 4 bytes); the left is newer)",
                "→ copy    only-left/  (missing at the right)",
                "← copy    only-right.txt  (missing at the left)",
                "← update  right-newer.txt  (the right is newer)",
                "→ skip    same.txt  (unchanged)"), plan(l, r, SyncRules.DEFAULT));

        // With a filter, a directory one side lacks is made and its files are planned one by one.
        assertEquals(List.of(
                "→ mkdir   only-left/  (missing at the right)",
                "→ copy    only-left/a.txt  (missing at the right)"),
                plan(l, r, SyncRules.DEFAULT.withFilters(List.of(), List.of("*newer*", "both.txt", "kind", "d",
                        "same.txt", "only-right.txt"))));
    }
}
