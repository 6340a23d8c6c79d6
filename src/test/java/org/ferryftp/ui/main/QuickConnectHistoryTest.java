package org.ferryftp.ui.main;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick-connect history: recent host, port and user, most recent first, never a password. */
class QuickConnectHistoryTest {

    @TempDir
    Path dir;
    final List<String> log = new ArrayList<>();

    QuickConnectHistory history() {
        return new QuickConnectHistory(dir.resolve("quick-connect-history.properties"), log::add);
    }

    @Test
    void remembersRecentConnectionsWithoutPasswords() throws Exception {
        QuickConnectHistory h = history();
        h.remember(QuickConnect.parse("ftp.example.org", "2121", "ann", "Secret-Pass-1"));
        h.remember(QuickConnect.parse("mirror.example.net", "", "", ""));
        h.remember(QuickConnect.parse("ftp.example.org", "2121", "ann", "Other-Pass-2"));
        h.remember(QuickConnect.parse("", "21", "x", "Invalid-Pass-3"));
        List<QuickConnectHistory.Entry> expected = List.of(
                new QuickConnectHistory.Entry("ftp.example.org", 2121, "ann"),
                new QuickConnectHistory.Entry("mirror.example.net", 21, "anonymous"));
        assertEquals(expected, h.entries());
        assertEquals(List.of("ann@ftp.example.org:2121", "anonymous@mirror.example.net"),
                h.entries().stream().map(QuickConnectHistory.Entry::label).toList());

        String file = Files.readString(dir.resolve("quick-connect-history.properties"), StandardCharsets.UTF_8);
        for (String secret : List.of("Secret-Pass-1", "Other-Pass-2", "Invalid-Pass-3", "ferry@")) {
            assertFalse(file.contains(secret), file);
        }
        assertEquals(expected, history().entries(), "read back in a new run");
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void keepsOnlyTheMostRecent() {
        QuickConnectHistory h = history();
        for (int i = 0; i < QuickConnectHistory.MAX_ENTRIES + 5; i++) {
            h.remember(new QuickConnectHistory.Entry("h" + i, 21, "u"));
        }
        List<QuickConnectHistory.Entry> entries = history().entries();
        assertEquals(QuickConnectHistory.MAX_ENTRIES, entries.size());
        assertEquals("h" + (QuickConnectHistory.MAX_ENTRIES + 4), entries.get(0).host());
    }

    @Test
    void aDamagedLineIsReportedKeptAsideAndTheOtherEntriesStay() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
        Path file = dir.resolve("quick-connect-history.properties");
        String damaged = "0.host=good\n0.port=2121\n0.user=bob\n1.host=a\\u12\n2.host=other\n2.port=99999\n"
                + "3.host=third\n3.user=ann\n";
        Files.writeString(file, damaged);

        QuickConnectHistory h = new QuickConnectHistory(file, log::add, clock);

        Path aside = dir.resolve("quick-connect-history.properties.damaged-20260506-070809");
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains(file.toString()) && log.get(0).contains(aside.toString())
                && log.get(0).contains("2 damaged lines (line 4"), log.toString());
        assertEquals(damaged, Files.readString(aside));
        assertEquals(damaged, Files.readString(file), "reading never writes");
        assertEquals(List.of(new QuickConnectHistory.Entry("good", 2121, "bob"),
                new QuickConnectHistory.Entry("other", 21, "anonymous"),
                new QuickConnectHistory.Entry("third", 21, "ann")), h.entries());

        h.remember(new QuickConnectHistory.Entry("new", 21, "me"));
        log.clear();
        assertEquals(List.of(new QuickConnectHistory.Entry("new", 21, "me"), new QuickConnectHistory.Entry("good", 2121, "bob"),
                new QuickConnectHistory.Entry("other", 21, "anonymous"), new QuickConnectHistory.Entry("third", 21, "ann")),
                history().entries());
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void twoWindowsRememberingKeepEachOthersEntries() {
        QuickConnectHistory one = history();
        QuickConnectHistory two = history();
        one.remember(new QuickConnectHistory.Entry("a", 21, "x"));
        two.remember(new QuickConnectHistory.Entry("b", 21, "y"));
        assertEquals(List.of(new QuickConnectHistory.Entry("b", 21, "y"), new QuickConnectHistory.Entry("a", 21, "x")),
                history().entries());
        assertEquals(history().entries(), two.entries());
    }
}
