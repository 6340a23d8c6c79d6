package org.ferryftp.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SkewedClockTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong base = new AtomicLong(5 * SECOND);
    private final List<String> problems = new ArrayList<>();

    @Test
    void runsAheadByTheSecondsInTheFileOnceReadAgain() throws Exception {
        Path file = dir.resolve("skew");
        SkewedClock clock = new SkewedClock(file, base::get, problems::add);
        assertEquals(5 * SECOND, clock.getAsLong(), "no file: no skew");

        Files.writeString(file, "10800\n");
        assertEquals(5 * SECOND, clock.getAsLong(), "read again only after 100 ms");
        base.addAndGet(SECOND / 10);
        assertEquals(5 * SECOND + SECOND / 10 + 10_800 * SECOND, clock.getAsLong());
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void neverRunsBackAndSaysOnceWhatIsWrongWithTheFile() throws Exception {
        Path file = dir.resolve("skew");
        Files.writeString(file, "2.5");
        SkewedClock clock = new SkewedClock(file, base::get, problems::add);
        assertEquals(7_500_000_000L, clock.getAsLong());

        Files.writeString(file, "1");
        base.addAndGet(SECOND);
        assertEquals(8_500_000_000L, clock.getAsLong(), "a smaller skew would run the clock back");
        Files.writeString(file, "soon");
        base.addAndGet(SECOND);
        assertEquals(9_500_000_000L, clock.getAsLong());
        base.addAndGet(SECOND);
        clock.getAsLong();
        assertEquals(List.of(file + ": the clock skew must be seconds from 0 to 1e8, not 'soon'"), problems);
    }

    @Test
    void onlyWhenTheVariableIsSet() {
        assertTrue(SkewedClock.fromEnvironment(Map.of(), problems::add).isEmpty());
        assertTrue(SkewedClock.fromEnvironment(Map.of(SkewedClock.ENV, dir.resolve("s").toString()), problems::add)
                .isPresent());
    }
}
