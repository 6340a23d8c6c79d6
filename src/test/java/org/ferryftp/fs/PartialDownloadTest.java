package org.ferryftp.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partial downloads: appear only on commit, carry their origin, and have one writer at a time. */
class PartialDownloadTest {

    static final Instant T1 = Instant.parse("2024-01-01T10:00:00Z");
    static final PartialOrigin V1 = new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", 10, T1);
    /** Origins that differ from {@link #V1} in one part each. */
    static final List<PartialOrigin> DIFFERENT_FROM_V1 = List.of(
            new PartialOrigin("site-2", "ftp.example.org", 21, "alice", "/f.bin", 10, T1),
            new PartialOrigin("site-1", "other.example.org", 21, "alice", "/f.bin", 10, T1),
            new PartialOrigin("site-1", "ftp.example.org", 2121, "alice", "/f.bin", 10, T1),
            new PartialOrigin("site-1", "ftp.example.org", 21, "bob", "/f.bin", 10, T1),
            new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/g.bin", 10, T1),
            new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", 11, T1),
            new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", -1, T1),
            new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", 10, null));

    @TempDir
    Path dir;

    Path target() {
        return dir.resolve("f.bin");
    }

    Path partial() {
        return dir.resolve("f.bin" + PartialDownload.SUFFIX);
    }

    /** Leaves a partial of {@code bytes} written for {@code origin}, as an interrupted download does. */
    void interrupted(PartialOrigin origin, byte... bytes) throws Exception {
        try (PartialDownload d = PartialDownload.open(target(), origin, PartialDownload.Resume.SAME_ORIGIN)) {
            d.stream().write(bytes);
        }
    }

    @Test
    void onlyAppearsOnCommitAndTakesItsOriginAlong() throws Exception {
        Files.writeString(target(), "previous version");
        interrupted(V1, (byte) 1, (byte) 2, (byte) 3);
        assertEquals("previous version", Files.readString(target()), "a failed download keeps the old file");
        assertTrue(Files.exists(PartialDownload.originOf(partial())));
        try (PartialDownload d = PartialDownload.open(target(), V1, PartialDownload.Resume.SAME_ORIGIN)) {
            assertEquals(3, d.resumeOffset());
            assertEquals(Optional.empty(), d.startedOverBecause());
            d.stream().write(new byte[] {4});
            d.commit(true);
        }
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(target()));
        assertFalse(Files.exists(partial()));
        assertFalse(Files.exists(PartialDownload.originOf(partial())));
    }

    @Test
    void aSmallDownloadThatCompletesNeverWritesItsOrigin() throws Exception {
        try (PartialDownload d = PartialDownload.open(target(), V1, PartialDownload.Resume.SAME_ORIGIN)) {
            d.stream().write(new byte[4096]);
            assertFalse(Files.exists(PartialDownload.originOf(partial())), "no second file per download");
            d.commit(false);
        }
        assertEquals(4096, Files.size(target()));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(target()), left.toList());
        }
    }

    @Test
    void theOriginIsRecordedBeforeThePartialGrowsPastTheLimitSoACrashKeepsABigDownloadResumable() throws Exception {
        try (PartialDownload d = PartialDownload.open(target(), V1, PartialDownload.Resume.SAME_ORIGIN)) {
            OutputStream out = d.stream();
            out.write(new byte[(int) PartialDownload.RECORD_AFTER]);
            assertFalse(Files.exists(PartialDownload.originOf(partial())));
            out.write(new byte[1]);
            // What a crash right now would leave: the partial and its record.
            try (var record = Files.newBufferedReader(PartialDownload.originOf(partial()))) {
                assertEquals(Optional.of(V1), PartialOrigin.decode(record));
            }
        }
    }

    @Test
    void anOriginLearnedWithTheDataIsTheOneRecordedAndContinued() throws Exception {
        PartialOrigin exact = new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", 10,
                T1.plusSeconds(42));
        try (PartialDownload d = PartialDownload.open(target(), V1, PartialDownload.Resume.SAME_ORIGIN)) {
            d.cameFrom(exact);
            d.stream().write(new byte[] {1, 2});
        }
        try (PartialDownload d = PartialDownload.open(target(), exact, PartialDownload.Resume.SAME_ORIGIN)) {
            assertEquals(2, d.resumeOffset(), "continued: " + d.startedOverBecause());
        }
    }

    @Test
    void aPartialOfAnotherVersionStartsOverAndSaysWhy() throws Exception {
        interrupted(V1, (byte) 1, (byte) 2, (byte) 3);
        PartialOrigin newer = new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", 10,
                T1.plusSeconds(60));
        try (PartialDownload d = PartialDownload.open(target(), newer, PartialDownload.Resume.ASKED)) {
            assertEquals(0, d.resumeOffset());
            assertEquals(0, d.size(), "emptied");
            assertEquals(Optional.of("the partial " + partial() + " came from an older version of /f.bin (time differs);"
                    + " starting over"), d.startedOverBecause());
        }
        // The partial now belongs to the newer version.
        try (PartialDownload d = PartialDownload.open(target(), newer, PartialDownload.Resume.SAME_ORIGIN)) {
            assertEquals(Optional.empty(), d.startedOverBecause());
        }
    }

    @Test
    void everyPartOfTheOriginMustMatch() {
        assertEquals(Optional.empty(), V1.differenceFrom(V1));
        for (PartialOrigin other : DIFFERENT_FROM_V1) {
            assertTrue(V1.differenceFrom(other).isPresent(), other.toString());
        }
        // Without MDTM on either side, the same size (and site and path) is enough.
        PartialOrigin noTime = new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", 10, null);
        assertEquals(Optional.empty(), noTime.differenceFrom(noTime));
        assertEquals(Optional.of("an older version of /f.bin (size/time differ)"),
                V1.differenceFrom(new PartialOrigin("site-1", "ftp.example.org", 21, "alice", "/f.bin", 9, null)));
    }

    @Test
    void aPartialWithoutOriginIsContinuedOnlyWhenResumeWasAsked() throws Exception {
        Files.write(partial(), new byte[] {1, 2, 3});
        try (PartialDownload d = PartialDownload.open(target(), V1, PartialDownload.Resume.ASKED)) {
            assertEquals(3, d.resumeOffset());
        }
        assertTrue(Files.exists(PartialDownload.originOf(partial())), "recorded from now on");
        Files.delete(PartialDownload.originOf(partial()));
        try (PartialDownload d = PartialDownload.open(target(), V1, PartialDownload.Resume.SAME_ORIGIN)) {
            assertEquals(0, d.resumeOffset());
            assertTrue(d.startedOverBecause().orElseThrow().contains("has no record of where it came from"));
        }
    }

    @Test
    void aDamagedOriginCountsAsNone() throws Exception {
        interrupted(V1, (byte) 1, (byte) 2);
        Files.write(PartialDownload.originOf(partial()), new byte[] {(byte) 0xff, 0, 'x', '=', '\n'});
        try (PartialDownload d = PartialDownload.open(target(), V1, PartialDownload.Resume.SAME_ORIGIN)) {
            assertEquals(0, d.resumeOffset());
        }
        try (PartialDownload d = PartialDownload.open(target(), V1, PartialDownload.Resume.SAME_ORIGIN)) {
            assertEquals(0, d.resumeOffset(), "rewritten, and the partial was empty");
        }
    }

    @Test
    void aPartialLargerThanTheSourceStartsOver() throws Exception {
        Files.write(partial(), new byte[11]);
        try (PartialDownload d = PartialDownload.open(target(), V1, PartialDownload.Resume.ASKED)) {
            assertEquals(0, d.resumeOffset());
            assertTrue(d.startedOverBecause().orElseThrow().contains("is larger than /f.bin"));
        }
    }

    @Test
    void aSecondWriterFailsAtOnceAndTouchesNothing() throws Exception {
        try (PartialDownload first = PartialDownload.open(target(), V1, PartialDownload.Resume.SAME_ORIGIN)) {
            OutputStream out = first.stream();
            out.write(new byte[] {1, 2, 3});
            PartialInUseException e = assertThrows(PartialInUseException.class,
                    () -> PartialDownload.open(target(), V1, PartialDownload.Resume.NEVER));
            assertEquals("another transfer is writing " + partial(), e.getMessage());
            // Through another spelling of the same directory, too.
            Path alias = dir.resolve(".").resolve("f.bin");
            assertThrows(PartialInUseException.class,
                    () -> PartialDownload.open(alias, V1, PartialDownload.Resume.NEVER));
            assertFalse(PartialDownload.discard(target()), "a cancel elsewhere leaves it alone");
            out.write(new byte[] {4});
            assertEquals(4, Files.size(partial()), "not truncated by the loser");
            first.commit(false);
        }
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(target()));
        // Released: the next download may take the name.
        try (PartialDownload again = PartialDownload.open(target(), V1, PartialDownload.Resume.NEVER)) {
            assertEquals(0, again.resumeOffset());
        }
    }

    @Test
    void discardRemovesThePartialAndItsOrigin() throws Exception {
        interrupted(V1, (byte) 1);
        assertTrue(PartialDownload.discard(target()));
        assertFalse(Files.exists(partial()));
        assertFalse(Files.exists(PartialDownload.originOf(partial())));
        assertTrue(PartialDownload.discard(target()), "nothing to discard");
    }
}
