package org.ferryftp.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A large folder's listing holds one copy of each repeated permission, owner and group string (issue 18: RSS). */
class LocalListingMemoryTest {

    @TempDir
    Path dir;

    @Test
    void entriesOfOneFolderShareTheirRepeatedStrings() throws Exception {
        for (int i = 0; i < 50; i++) {
            Files.writeString(dir.resolve("f" + i), "x");
        }
        List<FileEntry> entries = new LocalBrowser().list(dir.toString()).entries();
        assertEquals(50, entries.size());
        FileEntry first = entries.get(0);
        for (FileEntry e : entries) {
            assertEquals(first.permissions(), e.permissions());
            assertSame(first.permissions(), e.permissions(), e.name());
            assertSame(first.owner(), e.owner(), e.name());
            assertSame(first.group(), e.group(), e.name());
        }
    }
}
