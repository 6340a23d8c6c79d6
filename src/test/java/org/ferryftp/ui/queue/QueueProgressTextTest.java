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
    void anUnknownSizeShowsTheBytesSoFarWithoutATotal() {
        assertEquals("1.5 KiB", fmt.progress(item(new ItemState.Running(), -1, 1536)));
        assertEquals("", fmt.progress(item(new ItemState.Running(), -1, 0)));
    }
}
