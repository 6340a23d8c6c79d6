package org.ferryftp.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names from servers never escape the target directory; downloads appear only when complete. */
class LocalPathsTest {

    @TempDir
    Path dir;

    @Test
    void plainNamesResolveInsideTheDirectory() throws Exception {
        assertEquals(dir.toAbsolutePath().resolve("a b.txt"), LocalPaths.resolveChild(dir, "a b.txt"));
        assertEquals(dir.toAbsolutePath().resolve("..dots"), LocalPaths.resolveChild(dir, "..dots"));
    }

    @Test
    void hostileNamesAreRefused() {
        for (String bad : new String[] {"..", ".", "../evil", "/etc/passwd", "sub/file", "a\\..\\b", "nul\0byte", ""}) {
            assertThrows(UnsafeNameException.class, () -> LocalPaths.resolveChild(dir, bad), bad);
        }
    }

    @Test
    void partialDownloadOnlyAppearsOnCommit() throws Exception {
        Path target = dir.resolve("f.bin");
        Files.writeString(target, "previous version");
        try (PartialDownload d = PartialDownload.open(target, false)) {
            d.stream().write(new byte[] {1, 2, 3});
            assertEquals("previous version", Files.readString(target));
        }
        assertEquals("previous version", Files.readString(target), "a failed download keeps the old file");
        assertTrue(Files.exists(dir.resolve("f.bin" + PartialDownload.SUFFIX)));
        try (PartialDownload d = PartialDownload.open(target, true)) {
            assertEquals(3, d.resumeOffset());
            d.stream().write(new byte[] {4});
            d.commit(true);
        }
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(target));
        assertFalse(Files.exists(dir.resolve("f.bin" + PartialDownload.SUFFIX)));
    }
}
