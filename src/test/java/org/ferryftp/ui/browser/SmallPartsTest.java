package org.ferryftp.ui.browser;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.session.EntryKind;
import org.ferryftp.ui.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Formatting, permission bits, history and path names. */
class SmallPartsTest {

    @Test
    void humanReadableSizes() {
        assertEquals("0 B", FileRows.humanSize(0));
        assertEquals("1023 B", FileRows.humanSize(1023));
        assertEquals("116 GiB", FileRows.humanSize(125_000_000_000L));
    }

    @Test
    void rowsCarryDisplayTexts() {
        FileRows rows = new FileRows(new Messages(Locale.ENGLISH));
        FileRow r = rows.rows(List.of(
                new FileEntry("Report.PDF", EntryKind.FILE, 123456, null, "rw-r--r--", "ann", "staff", null))).get(0);
        assertEquals("121 KiB", r.sizeText());
        assertEquals("123,456 bytes", rows.exactSize(r.entry()).replace('\u00a0', ','));
        assertEquals("PDF file", r.typeText());
        assertEquals("ann staff", r.ownerGroup());
        assertEquals("", FileRows.modifiedText(r.entry()));
    }

    @Test
    void permissionBits() {
        assertEquals(0755, PermissionBits.fromSymbolic("rwxr-xr-x"));
        assertEquals(0644, PermissionBits.fromSymbolic("-rw-r--r--"));
        assertEquals(0, PermissionBits.fromSymbolic(""));
        assertEquals("750", PermissionBits.toOctal(0750));
        assertEquals(0640, PermissionBits.parseOctal("0640"));
        assertEquals(-1, PermissionBits.parseOctal("789"));
        assertEquals(-1, PermissionBits.parseOctal(""));
        assertEquals("rwxr-x---", PermissionBits.toSymbolic(0750));
    }

    @Test
    void historyStacks() {
        NavigationHistory h = new NavigationHistory();
        h.visited("/a");
        h.visited("/b");
        assertEquals("/b", h.back("/c").orElseThrow());
        assertEquals("/a", h.back("/b").orElseThrow());
        assertEquals(true, h.back("/a").isEmpty());
        assertEquals("/b", h.forward("/a").orElseThrow());
        h.visited("/b");
        assertEquals(false, h.canGoForward());
    }

    @Test
    void lastSegments() {
        assertEquals("ann", PathNames.lastSegment("/home/ann/"));
        assertEquals("/", PathNames.lastSegment("/"));
        assertEquals("Users", PathNames.lastSegment("C:\\Users"));
        assertEquals("C:\\", PathNames.lastSegment("C:\\"));
    }

    @Test
    void hostileLinesAreShownEscaped() {
        assertEquals("a\\x1b[31mb\\x0a", UnparsedDialog.printable("a\u001b[31mb\n"));
    }
}
