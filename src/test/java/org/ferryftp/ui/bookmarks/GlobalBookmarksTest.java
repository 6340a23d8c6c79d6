package org.ferryftp.ui.bookmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Global bookmarks survive a restart, keep another window's, and a damaged file costs only its damaged lines. */
class GlobalBookmarksTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void savedInOrderAndReadBack() {
        Path file = dir.resolve("bookmarks.properties");
        List<String> problems = new ArrayList<>();
        GlobalBookmarks one = new GlobalBookmarks(file, problems::add, clock);
        one.put(new GlobalBookmark("www", "/home/me/site", "/var/www", "site:1", true));
        one.put(new GlobalBookmark("logs", null, "/var/log", null, false));
        GlobalBookmarks other = new GlobalBookmarks(file, problems::add, clock);
        other.put(new GlobalBookmark("docs", "/home/me/docs", null, null, false));
        one.put(new GlobalBookmark("www", "/home/me/site2", "/var/www", "site:1", true));

        List<GlobalBookmark> read = new GlobalBookmarks(file, problems::add, clock).list();
        assertEquals(List.of(new GlobalBookmark("www", "/home/me/site2", "/var/www", "site:1", true),
                new GlobalBookmark("logs", null, "/var/log", null, false),
                new GlobalBookmark("docs", "/home/me/docs", null, null, false)), read,
                "the other window's bookmark is kept and a bookmark of the same name is replaced in place");
        one.remove("logs");
        assertEquals(List.of("www", "docs"), new GlobalBookmarks(file, problems::add, clock).list().stream()
                .map(GlobalBookmark::name).toList());
        assertEquals(List.of(), problems);
    }

    @Test
    void aDamagedFileGivesOneLineAndTheGoodBookmarks() throws IOException {
        Path file = dir.resolve("bookmarks.properties");
        Files.writeString(file, "0.name=www\n0.remote=/var/www\n0.sync=maybe\n1.name=docs\n1.local=/home/me/docs\n"
                + "junk line without meaning\n", StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        GlobalBookmarks b = new GlobalBookmarks(file, problems::add, clock);
        assertEquals(List.of("www", "docs"), b.list().stream().map(GlobalBookmark::name).toList());
        assertEquals(1, problems.size());
        assertTrue(!problems.get(0).contains("\n") && problems.get(0).contains(file.toString())
                && problems.get(0).contains("kept as"), problems.get(0));
        try (var kept = Files.list(dir)) {
            assertEquals(1, kept.filter(p -> p.getFileName().toString().startsWith("bookmarks.properties.damaged-"))
                    .count(), "the damaged file is kept aside beside the bookmarks");
        }
        b.put(new GlobalBookmark("new", "/tmp", null, null, false));
        assertEquals(List.of("www", "docs", "new"), new GlobalBookmarks(file, problems::add, clock).list().stream()
                .map(GlobalBookmark::name).toList(), "the next change writes the good bookmarks and the new one");
    }
}
