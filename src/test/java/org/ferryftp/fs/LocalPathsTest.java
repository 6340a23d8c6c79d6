package org.ferryftp.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Names from servers never escape the target directory. */
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
}
