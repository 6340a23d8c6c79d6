package org.ferryftp.ui.main;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void aCorruptFileIsIgnoredWithAMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("quick-connect-history.properties"), "0.host=a\\u12");
        assertTrue(history().entries().isEmpty());
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("could not be read"), log.toString());
        assertEquals("0.host=a\\u12", Files.readString(file), "left as it was");

        log.clear();
        Files.writeString(file, "0.host=good\n0.port=2121\n0.user=bob\n1.host=bad\n1.port=99999\n");
        assertEquals(List.of(new QuickConnectHistory.Entry("good", 2121, "bob")), history().entries());
        assertTrue(log.get(0).contains("damaged entry 1"), log.toString());
    }
}
