package org.ferryftp.transfer.journal;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.OwnTarget;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What an item wrote on its target survives a restart, compaction included, so the restart continues it. */
class OwnTargetJournalTest {

    @TempDir
    Path dir;

    final SiteRef site = MinaQueues.site(2121);
    final OwnTarget own = new OwnTarget("/in/a.bin.ferry-part", "/in/a.bin", -1, null, 3_000_000,
            Instant.parse("2026-01-02T03:04:05.678Z"), 1_048_576);

    QueueJournal open() {
        JournalFiles files = new JournalFiles(dir, Clock.systemUTC());
        JournalCodec codec = new JournalCodec();
        return new QueueJournal(files, codec, new JournalReader(files, codec).read(), System::nanoTime, () -> { });
    }

    ItemSnapshot upload(ItemState state, OwnTarget target) {
        return new ItemSnapshot(1, 0, false, TransferDirection.UPLOAD, Location.local("/home/u/a.bin"),
                Location.remote(site, "/in/a.bin"), Priority.NORMAL, state, 3_000_000, 0, 0, null, 0, target);
    }

    @Test
    void theRecordHasAStableLine() throws Exception {
        JournalCodec codec = new JournalCodec();
        String line = "{\"t\":\"wrote\",\"id\":7,\"path\":\"/in/a.bin.ferry-part\",\"final\":\"/in/a.bin\","
                + "\"sizeBefore\":-1,\"timeBefore\":null,\"sourceSize\":3000000,\"sourceTime\":1767323045678,"
                + "\"written\":1048576}";
        assertEquals(line, codec.encode(new JournalRecord.Wrote(7, own)));
        assertEquals(new JournalRecord.Wrote(7, own), codec.decode(line));
    }

    @Test
    void survivesARestartAndACompaction() throws Exception {
        SiteResolver sites = id -> Optional.of(site);
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(upload(ItemState.QUEUED, null)));
            j.itemChanged(upload(ItemState.RUNNING, own));
            j.itemChanged(upload(ItemState.RUNNING, own)); // unchanged: not written again
        }
        assertEquals(1, Files.readAllLines(dir.resolve(JournalFiles.NAME)).stream()
                .filter(l -> l.contains("\"wrote\"")).count());
        assertEquals(own, QueueJournal.load(dir, sites).items().get(0).ownTarget());
        open().close(); // compacts
        assertEquals(own, QueueJournal.load(dir, sites).items().get(0).ownTarget());
        try (QueueJournal j = open()) {
            j.itemsRemoved(List.of(1L));
        }
        assertEquals(List.of(), QueueJournal.load(dir, sites).items());
    }

    @Test
    void itemsThatWroteNothingHaveNoRecord() throws Exception {
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(upload(ItemState.QUEUED, null)));
        }
        assertNull(QueueJournal.load(dir, id -> Optional.of(site)).items().get(0).ownTarget());
    }
}
