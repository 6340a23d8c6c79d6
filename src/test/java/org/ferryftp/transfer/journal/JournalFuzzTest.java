package org.ferryftp.transfer.journal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzes the queue journal as Ferry loads it at start-up ({@link QueueJournal#load}): any file content
 * gives the items its good lines describe and, for damage, a one-line message (the file kept aside).
 * The load itself never throws; a damaged journal is data, not an error.
 */
class JournalFuzzTest {

    private static final SiteRef KNOWN = new SiteRef("s1", "known",
            SessionSettings.of("example.invalid", 21, Credentials.anonymous()), 2);
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("ferry-journal-fuzz");
    }

    @AfterAll
    static void removeDir() throws IOException {
        empty();
        Files.deleteIfExists(dir);
    }

    @FuzzTest
    void journalFile(byte[] content) throws IOException {
        empty();
        Files.write(dir.resolve(JournalFiles.NAME), content);
        JournalLoad load = QueueJournal.load(dir, id -> id.equals("s1") ? Optional.of(KNOWN) : Optional.empty());
        load.problem().ifPresent(message -> assertEquals(1, message.lines().count(), "one-line message: " + message));
    }

    private static void empty() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
