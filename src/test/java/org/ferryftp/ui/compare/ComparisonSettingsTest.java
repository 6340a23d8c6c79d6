package org.ferryftp.ui.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tolerance and each site's offset are remembered; a bad line is reported and costs only itself. */
class ComparisonSettingsTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void perSiteOffsetsAndTheToleranceSurviveARestart() {
        Path file = dir.resolve("comparison.properties");
        List<String> problems = new ArrayList<>();
        ComparisonSettings s = new ComparisonSettings(file, problems::add, clock);
        assertEquals(Duration.ofSeconds(1), s.tolerance(), "the mirror's default");
        assertEquals(Duration.ZERO, s.offset("site:a"));
        s.setOffset("site:a", Duration.ofMinutes(-60));
        s.setOffset("quick:ferry@127.0.0.1:2121", Duration.ofMinutes(90));
        s.setOffset(null, Duration.ofMinutes(30));
        s.setTolerance(Duration.ofSeconds(5));
        s.setOffset("site:b", Duration.ofDays(3));

        ComparisonSettings again = new ComparisonSettings(file, problems::add, clock);
        assertEquals(Duration.ofMinutes(-60), again.offset("site:a"));
        assertEquals(Duration.ofMinutes(90), again.offset("quick:ferry@127.0.0.1:2121"));
        assertEquals(Duration.ZERO, again.offset(null), "the local disk has no offset");
        assertEquals(Duration.ofHours(24), again.offset("site:b"), "kept within a day either way");
        assertEquals(Duration.ofSeconds(5), again.tolerance());
        assertEquals(List.of(), problems);
    }

    @Test
    void aBadLineIsReportedOnceAndTheRestKept() throws IOException {
        Path file = dir.resolve("comparison.properties");
        Files.writeString(file, "tolerance.seconds=ten\noffset.site\\:a=-120\n", StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        ComparisonSettings s = new ComparisonSettings(file, problems::add, clock);
        assertEquals(Duration.ofSeconds(1), s.tolerance());
        assertEquals(Duration.ofMinutes(-120), s.offset("site:a"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("ten is not a whole number") && !problems.get(0).contains("\n"),
                problems.get(0));
    }
}
