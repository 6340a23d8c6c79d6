package org.ferryftp.fs;

import org.ferryftp.testsupport.SmallHeapReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file Ferry reads at start or on import may be damaged or hostile and far larger than the heap. Each
 * reader, in a JVM whose heap is a fifth of the file, answers with a one-line reason and keeps the file,
 * instead of ending in an OutOfMemoryError.
 */
class OversizedInputTest {

    static final int HEAP_MIB = 64;
    static final long FILE_BYTES = 320L << 20;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "journal,     queue.jsonl,   only NUL bytes",
            "sites,       sites.json,    more than the 16 MiB",
            "properties,  vault.props,   more than the 16 MiB",
            "site-export, export.json,   more than the 16 MiB",
            "filezilla,   sitemanager.xml, more than the 8 MiB"})
    void aFileLargerThanTheHeapGetsAOneLineReason(String kind, String name, String reason) throws Exception {
        Path file = dir.resolve(name);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(FILE_BYTES);
        }
        boolean wholeDir = kind.equals("journal") || kind.equals("sites");
        SmallHeapReader.Outcome outcome = SmallHeapReader.run(HEAP_MIB, kind, wholeDir ? dir : file);

        assertEquals(0, outcome.exitCode(), outcome.output());
        String said = outcome.output().lines().filter(l -> l.startsWith("PROBLEM") || l.startsWith("REFUSED"))
                .reduce("", String::concat);
        assertTrue(said.contains(reason), outcome.output());
        assertTrue(said.lines().count() == 1, said);
        // Nothing is lost: the file is where it was, or kept aside whole.
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(name) && sizeOf(p) == FILE_BYTES),
                    "the file or a whole copy of it is kept");
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
