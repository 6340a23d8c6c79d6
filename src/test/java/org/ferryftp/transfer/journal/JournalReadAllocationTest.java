package org.ferryftp.transfer.journal;

import org.ferryftp.fs.SiteRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What reading a journal allocates per line (issue 18: a window restoring 100,000 items at start made its heap
 * balloon while the journal was read). Counted for the reading thread by the JVM itself, on a second read, once
 * the code involved is loaded.
 */
class JournalReadAllocationTest {

    static final int ITEMS = 20_000;

    /** Measured 2,796 bytes a line with a map per JSON object, 2,388 with two lists. */
    static final long MAX_BYTES_PER_LINE = 2_550;

    @TempDir
    Path dir;

    @Test
    void readingALineAllocatesNoMapPerObject() throws Exception {
        SiteRef site = MinaQueues.site(2121);
        BenchQueueJournal.write(dir, site.id(), ITEMS, "/bench", "/tmp/downloads");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                ManagementFactory.getThreadMXBean();
        long perLine = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            JournalLoad load = QueueJournal.load(dir, id -> Optional.of(site));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(ITEMS, load.items().size());
            perLine = Math.min(perLine, allocated / ITEMS);
        }
        System.out.println("reading a journal: " + perLine + " bytes allocated per line");
        assertTrue(perLine <= MAX_BYTES_PER_LINE, perLine + " bytes allocated per line read, more than "
                + MAX_BYTES_PER_LINE);
    }
}
