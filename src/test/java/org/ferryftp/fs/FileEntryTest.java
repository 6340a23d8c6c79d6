package org.ferryftp.fs;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.TimePrecision;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A remote listing's entry becomes a file entry with its facts, without its listing line, and only when vetted. */
class FileEntryTest {

    static final String LINE = "-rw-r--r--    1 ferry    ferry        1234 Mar 01 12:00 report.pdf";

    @Test
    void keepsTheFactsButNotTheListingLine() throws Exception {
        RemoteEntry wire = new RemoteEntry("report.pdf", EntryKind.FILE, 1234, Instant.parse("2026-03-01T12:00:00Z"),
                "rw-r--r--", "ferry", "ferry", null, LINE, TimePrecision.MINUTE);
        FileEntry entry = FileEntry.of(wire);
        assertEquals(new FileEntry("report.pdf", EntryKind.FILE, 1234, Instant.parse("2026-03-01T12:00:00Z"),
                "rw-r--r--", "ferry", "ferry", null, TimePrecision.MINUTE), entry);
        // A directory of a million entries must not hold a million listing lines once shown.
        for (RecordComponent c : FileEntry.class.getRecordComponents()) {
            Object value = c.getAccessor().invoke(entry);
            assertNotSame(LINE, value, c.getName());
            assertNotSame(wire, value, c.getName());
        }
    }

    @Test
    void refusesANameThatCouldEscapeItsDirectory() {
        for (String name : new String[] {"..", "a/b", "a\\b", ""}) {
            RemoteEntry wire = new RemoteEntry(name, EntryKind.FILE, 1, null, "", "", "", null, "raw " + name);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileEntry.of(wire));
            assertTrue(e.getMessage().startsWith("unsafe name from the server"), e.getMessage());
        }
    }
}
