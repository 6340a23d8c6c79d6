package org.ferryftp.transfer.journal;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;
import org.ferryftp.testsupport.SmallHeapReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal far larger than the heap (a damaged file, or one a hostile process wrote) is read in bounded
 * memory: the good lines are restored and the rest reported, in a JVM whose heap is smaller than the file.
 */
class JournalMemoryTest {

    static final int HEAP_MIB = 64;

    @TempDir
    Path dir;

    @Test
    void aLineLargerThanTheHeapIsDamageNotAnOutOfMemoryError() throws Exception {
        SiteRef site = MinaQueues.site(2121);
        JournalFiles files = new JournalFiles(dir, Clock.systemUTC());
        JournalCodec codec = new JournalCodec();
        try (QueueJournal j = new QueueJournal(files, codec, new JournalReader(files, codec).read(), System::nanoTime,
                () -> { })) {
            j.itemsAdded(List.of(item(site, 1), item(site, 2)));
        }
        Path file = dir.resolve(JournalFiles.NAME);
        List<String> good = Files.readAllLines(file);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((good.get(0) + "\n" + good.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
            // 3 × the child's heap on one line, then the remaining good lines.
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 3 * HEAP_MIB; i++) {
                out.write(chunk);
            }
            out.write('\n');
            for (String line : good.subList(2, good.size())) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        SmallHeapReader.Outcome outcome = SmallHeapReader.run(HEAP_MIB, "journal", dir);
        String output = outcome.output();
        assertEquals(0, outcome.exitCode(), output);
        assertTrue(output.contains("OK 2"), output);
        assertTrue(output.contains("line 3 (longer than 1 MiB)"), output);
    }

    static ItemSnapshot item(SiteRef site, long id) {
        return new ItemSnapshot(id, 0, false, TransferDirection.DOWNLOAD, Location.remote(site, "/f" + id),
                Location.local("/tmp/f" + id), Priority.NORMAL, ItemState.QUEUED, 1000, 0, 0, null, 0);
    }
}
