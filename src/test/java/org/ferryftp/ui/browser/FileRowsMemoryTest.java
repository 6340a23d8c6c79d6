package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.session.EntryKind;
import org.ferryftp.ui.Messages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A large listing's rows hold one copy of each repeated size and owner text (issue 18: RSS). */
class FileRowsMemoryTest {

    @Test
    void rowsOfOneListingShareTheirRepeatedTexts() {
        List<FileEntry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Fresh strings for owner and group, as a remote listing's parser makes them.
            entries.add(new FileEntry("f" + i, EntryKind.FILE, i % 2 * 2048, Instant.EPOCH, "rw-r--r--",
                    new String("alice"), new String("staff"), null));
        }
        List<FileRow> rows = new FileRows(new Messages(Locale.ENGLISH)).rows(entries);
        assertEquals("0 B", rows.get(0).sizeText());
        assertEquals("2.0 KiB", rows.get(1).sizeText());
        assertEquals("alice staff", rows.get(0).ownerGroup());
        for (int i = 2; i < rows.size(); i++) {
            assertSame(rows.get(i % 2).sizeText(), rows.get(i).sizeText(), rows.get(i).name());
            assertSame(rows.get(0).ownerGroup(), rows.get(i).ownerGroup(), rows.get(i).name());
        }
    }
}
