package org.ferryftp.ui.queue;

import org.ferryftp.fs.Location;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The progress column's text: a percentage when the size is known, else the bytes moved (RFC 959 servers). */
class QueueProgressTextTest {

    final QueueFormat fmt = new QueueFormat(ResourceBundle.getBundle("org.ferryftp.ui.queue.queue", Locale.ENGLISH));

    static ItemSnapshot item(ItemState state, long size, long done) {
        return new ItemSnapshot(1, 0, false, TransferDirection.DOWNLOAD, Location.local("/a"), Location.local("/b"),
                Priority.NORMAL, state, size, done, 0, null, 1);
    }

    @Test
    void aKnownSizeShowsAPercentage() {
        assertEquals("25 %", fmt.progress(item(new ItemState.Running(), 4096, 1024)));
    }

    @Test
    void theKindIsTextWithItsSites() {
        org.ferryftp.fs.SiteRef a = new org.ferryftp.fs.SiteRef("a", "Alpha", org.ferryftp.ftp.SessionSettings.of(
                "127.0.0.1", 21, org.ferryftp.ftp.Credentials.anonymous()), 1);
        org.ferryftp.fs.SiteRef b = new org.ferryftp.fs.SiteRef("b", "Beta", a.settings(), 1);
        assertEquals("Download from Alpha", fmt.kind(kind(TransferDirection.DOWNLOAD, Location.remote(a, "/f"),
                Location.local("/d"))));
        assertEquals("Upload to Beta", fmt.kind(kind(TransferDirection.UPLOAD, Location.local("/f"),
                Location.remote(b, "/"))));
        assertEquals("FXP Alpha \u2192 Beta", fmt.kind(kind(TransferDirection.SITE_TO_SITE, Location.remote(a, "/f"),
                Location.remote(b, "/"))));
        assertEquals("Relay Alpha \u2192 Beta", fmt.kind(kind(TransferDirection.RELAY, Location.remote(a, "/f"),
                Location.remote(b, "/"))));
    }

    static ItemSnapshot kind(TransferDirection d, Location from, Location to) {
        return new ItemSnapshot(1, 0, false, d, from, to, Priority.NORMAL, new ItemState.Queued(), 1, 0, 0, null, 1);
    }

    @Test
    void anUnknownSizeShowsTheBytesSoFarWithoutATotal() {
        assertEquals("1.5 KiB", fmt.progress(item(new ItemState.Running(), -1, 1536)));
        assertEquals("", fmt.progress(item(new ItemState.Running(), -1, 0)));
    }
}
