package org.ferryftp.transfer.sync;

import org.ferryftp.fs.LocalBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.ferryftp.transfer.sync.TwoWayPlannerTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one-way planner tells, directory pair by directory pair, how many entries each side listed (what the mirror's
 * progress line counts), and walks no directory the target lacks: a missing directory is one copy.
 */
class SyncPlannerTest {

    @TempDir
    Path tmp;

    @Test
    void tellsWhatEachDirectoryPairListedAsItGoes() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        for (String f : List.of("a.txt", "d/b.txt", "d/c.txt", "d/e/f.txt", "new/g.txt")) {
            write(src.resolve(f), f, "2024-01-01T00:00:00Z");
        }
        for (String f : List.of("a.txt", "d/b.txt", "d/e/f.txt", "d/old.txt")) {
            write(dst.resolve(f), f, "2024-01-01T00:00:00Z");
        }
        List<String> events = new ArrayList<>();
        try (LocalBrowser browser = new LocalBrowser()) {
            new SyncPlanner(SyncRules.DEFAULT).plan(browser, src.toString(), browser, dst.toString(),
                    new SyncPlanner.Sink() {
                        @Override
                        public void step(SyncStep step) {
                            events.add(step.line());
                        }

                        @Override
                        public void listed(String relativeDir, int sourceEntries, int targetEntries) {
                            events.add("listed /" + relativeDir + " " + sourceEntries + " " + targetEntries);
                        }
                    });
        }
        assertEquals(List.of(
                "listed / 3 2",
                "skip    a.txt  (unchanged)",
                "listed /d 3 3",
                "skip    d/b.txt  (unchanged)",
                "copy    d/c.txt  (missing at the target)",
                "listed /d/e 1 1",
                "skip    d/e/f.txt  (unchanged)",
                "copy    new/  (missing at the target)"), events);
    }
}
