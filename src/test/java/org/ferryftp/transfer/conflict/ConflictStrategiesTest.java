package org.ferryftp.transfer.conflict;

import org.ferryftp.transfer.conflict.ConflictResolution.Resume;
import org.ferryftp.transfer.conflict.ConflictResolution.Skip;
import org.ferryftp.transfer.conflict.ConflictResolution.Write;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConflictStrategiesTest {

    static final Instant OLD = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant NEW = Instant.parse("2025-06-01T12:00:00Z");
    static final Predicate<String> NOTHING_ELSE = name -> false;

    static ConflictResolution resolve(ConflictChoice choice, FileFacts source, FileFacts target) {
        return ConflictStrategies.of(choice).resolve("report.pdf", source, target, NOTHING_ELSE);
    }

    static String skipReason(ConflictResolution r) {
        return assertInstanceOf(Skip.class, r).reason();
    }

    @Test
    void overwriteAlwaysWrites() {
        assertEquals(new Write("report.pdf"), resolve(ConflictChoice.OVERWRITE, FileFacts.UNKNOWN, FileFacts.UNKNOWN));
    }

    @Test
    void skipNeverWrites() {
        assertInstanceOf(Skip.class, resolve(ConflictChoice.SKIP, new FileFacts(1, NEW), new FileFacts(2, OLD)));
    }

    @Test
    void overwriteIfNewerWritesOnlyAStrictlyNewerSource() {
        assertEquals(new Write("report.pdf"),
                resolve(ConflictChoice.OVERWRITE_IF_NEWER, new FileFacts(1, NEW), new FileFacts(1, OLD)));
        assertTrue(skipReason(resolve(ConflictChoice.OVERWRITE_IF_NEWER, new FileFacts(1, OLD),
                new FileFacts(1, NEW))).contains("newer"));
        assertTrue(skipReason(resolve(ConflictChoice.OVERWRITE_IF_NEWER, new FileFacts(1, NEW),
                new FileFacts(1, NEW))).contains("as new"));
    }

    @Test
    void overwriteIfNewerSkipsWhenEitherTimeIsUnknown() {
        assertTrue(skipReason(resolve(ConflictChoice.OVERWRITE_IF_NEWER, new FileFacts(1, null),
                new FileFacts(1, OLD))).contains("source modification time unknown"));
        assertTrue(skipReason(resolve(ConflictChoice.OVERWRITE_IF_NEWER, new FileFacts(1, NEW),
                new FileFacts(1, null))).contains("target modification time unknown"));
    }

    @Test
    void overwriteIfSizeDiffersWritesOnlyKnownDifferentSizes() {
        assertEquals(new Write("report.pdf"),
                resolve(ConflictChoice.OVERWRITE_IF_SIZE_DIFFERS, new FileFacts(10, OLD), new FileFacts(20, NEW)));
        assertTrue(skipReason(resolve(ConflictChoice.OVERWRITE_IF_SIZE_DIFFERS, new FileFacts(10, NEW),
                new FileFacts(10, OLD))).contains("same size"));
        assertTrue(skipReason(resolve(ConflictChoice.OVERWRITE_IF_SIZE_DIFFERS, new FileFacts(-1, NEW),
                new FileFacts(10, OLD))).contains("source size unknown"));
        assertTrue(skipReason(resolve(ConflictChoice.OVERWRITE_IF_SIZE_DIFFERS, new FileFacts(10, NEW),
                new FileFacts(-1, OLD))).contains("target size unknown"));
    }

    @Test
    void resumeContinuesFromTheTargetsSize() {
        assertEquals(new Resume(400), resolve(ConflictChoice.RESUME, new FileFacts(1000, OLD), new FileFacts(400, NEW)));
        assertEquals(new Resume(0), resolve(ConflictChoice.RESUME, new FileFacts(1000, OLD), new FileFacts(0, NEW)));
    }

    @Test
    void resumeNeverOverwrites() {
        assertEquals(new Skip("already complete"),
                resolve(ConflictChoice.RESUME, new FileFacts(1000, OLD), new FileFacts(1000, NEW)));
        assertTrue(skipReason(resolve(ConflictChoice.RESUME, new FileFacts(1000, OLD),
                new FileFacts(2000, NEW))).contains("larger than the source"));
        assertTrue(skipReason(resolve(ConflictChoice.RESUME, new FileFacts(1000, OLD),
                new FileFacts(-1, NEW))).contains("target size unknown"));
        assertTrue(skipReason(resolve(ConflictChoice.RESUME, new FileFacts(-1, OLD),
                new FileFacts(10, NEW))).contains("source size unknown"));
    }

    @ParameterizedTest
    @CsvSource({
            "report.pdf, report (1).pdf",
            "archive.tar.gz, archive (1).tar.gz",
            "ARCHIVE.TAR.BZ2, ARCHIVE (1).TAR.BZ2",
            ".bashrc, .bashrc (1)",
            ".config.json, .config (1).json",
            "Makefile, Makefile (1)",
            "name., name. (1)",
            "photo.backup.jpg, photo.backup (1).jpg",
    })
    void renamePutsTheNumberBeforeTheExtension(String name, String expected) {
        assertEquals(new Write(expected),
                ConflictStrategies.of(ConflictChoice.RENAME).resolve(name, FileFacts.UNKNOWN, FileFacts.UNKNOWN,
                        NOTHING_ELSE));
    }

    @Test
    void renameSkipsTakenNames() {
        Set<String> taken = Set.of("report.pdf", "report (1).pdf", "report (2).pdf");
        assertEquals(new Write("report (3).pdf"), ConflictStrategies.of(ConflictChoice.RENAME)
                .resolve("report.pdf", FileFacts.UNKNOWN, FileFacts.UNKNOWN, taken::contains));
    }

    @Test
    void renameGivesUpAfterBoundedAttempts() {
        int[] asked = {0};
        ConflictResolution r = ConflictStrategies.of(ConflictChoice.RENAME)
                .resolve("x.txt", FileFacts.UNKNOWN, FileFacts.UNKNOWN, name -> ++asked[0] > 0);
        assertTrue(skipReason(r).contains("no free name"));
        assertEquals(RenameStrategy.MAX_ATTEMPTS, asked[0]);
    }
}
