package org.ferryftp.ui;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.session.EntryKind;
import org.ferryftp.ui.browser.FileRows;
import org.ferryftp.ui.queue.QueueFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One convention for sizes everywhere: binary multiples with IEC names, as the queue and status bar use. */
class SizesTest {

    @Test
    void binaryMultiplesWithIecNames() {
        assertEquals("0 B", Sizes.format(0, Locale.ENGLISH));
        assertEquals("1023 B", Sizes.format(1023, Locale.ENGLISH));
        assertEquals("1.5 KiB", Sizes.format(1536, Locale.ENGLISH));
        assertEquals("2.0 MiB", Sizes.format(2 * 1024 * 1024 + 123, Locale.ENGLISH));
        assertEquals("116 GiB", Sizes.format(125_000_000_000L, Locale.ENGLISH));
        assertEquals("1.5 KiB".replace('.', ','), Sizes.format(1536, Locale.GERMAN));
        assertEquals("8.0 EiB", Sizes.format(Long.MAX_VALUE, Locale.ENGLISH));
        assertEquals("", Sizes.format(-1, Locale.ENGLISH));
    }

    @Test
    void thePanesAndTheQueueWriteTheSameSizeTheSameWay() {
        long[] sizes = {0, 999, 1536, 300L * 1024 * 1024, 123_456_789L, 5L << 40};
        QueueFormat queue = new QueueFormat(ResourceBundle.getBundle("org.ferryftp.ui.queue.queue", Locale.ENGLISH));
        FileRows panes = new FileRows(new Messages(Locale.ENGLISH));
        for (long size : sizes) {
            String pane = panes.rows(List.of(new FileEntry("f", EntryKind.FILE, size, null, "", "", "", null)))
                    .get(0).sizeText();
            assertEquals(queue.size(size), pane, "size " + size);
        }
    }
}
