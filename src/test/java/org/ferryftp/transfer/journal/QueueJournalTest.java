package org.ferryftp.transfer.journal;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;
import org.ferryftp.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal on its own: what it writes, what it throttles, how it compacts. */
class QueueJournalTest {

    @TempDir
    Path dir;

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final SiteRef alpha = MinaQueues.site(2121);
    final SiteRef beta = new SiteRef("beta", "Beta", MinaQueues.site(21).settings(), 3);
    final SiteResolver sites = id -> id.equals("mina") ? Optional.of(alpha)
            : id.equals("beta") ? Optional.of(beta) : Optional.empty();

    QueueJournal open() {
        JournalFiles files = new JournalFiles(dir, Clock.systemUTC());
        JournalCodec codec = new JournalCodec();
        return new QueueJournal(files, codec, new JournalReader(files, codec).read(), nanos::get, () -> { });
    }

    static ItemSnapshot item(long id, long parent, boolean directory, TransferDirection direction, Location source,
                             Location target, Priority priority, ItemState state, long size, long done) {
        return new ItemSnapshot(id, parent, directory, direction, source, target, priority, state, size, done, 0,
                null, 0);
    }

    ItemSnapshot download(long id, ItemState state, long done) {
        return item(id, 0, false, TransferDirection.DOWNLOAD, Location.remote(alpha, "/f" + id),
                Location.local(dir.resolve("f" + id).toString()), Priority.NORMAL, state, 1000, done);
    }

    /** Compares what the journal keeps: everything but speed, ETA and attempts. */
    static void assertSameItems(List<ItemSnapshot> expected, List<ItemSnapshot> actual) {
        assertEquals(expected.stream().map(QueueJournalTest::kept).toList(),
                actual.stream().map(QueueJournalTest::kept).toList());
    }

    static ItemSnapshot kept(ItemSnapshot s) {
        return new ItemSnapshot(s.id(), s.parentId(), s.directory(), s.direction(), s.source(), s.target(),
                s.priority(), s.state(), s.size(), s.bytesDone(), 0, null, 0);
    }

    List<String> lines() throws IOException {
        return Files.readAllLines(dir.resolve(JournalFiles.NAME));
    }

    @Test
    void everyStateAndFieldSurvivesARoundTrip() throws Exception {
        List<ItemSnapshot> items = List.of(
                item(1, 0, true, TransferDirection.DOWNLOAD, Location.remote(alpha, "/pub/dir"),
                        Location.local(dir.resolve("dir").toString()), Priority.HIGHEST, ItemState.DONE, -1, 0),
                item(2, 1, false, TransferDirection.DOWNLOAD, Location.remote(alpha, "/pub/dir/a b.txt"),
                        Location.local(dir.resolve("dir/a b.txt").toString()), Priority.LOWEST, ItemState.QUEUED, 77, 0),
                item(3, 0, false, TransferDirection.UPLOAD, Location.local("/home/u/ünï \"q\".bin"),
                        Location.remote(beta, "/in/ünï \"q\".bin"), Priority.LOW, ItemState.RUNNING, 5_000_000_000L,
                        4_000_000_000L),
                item(4, 0, false, TransferDirection.SITE_TO_SITE, Location.remote(alpha, "/x"),
                        Location.remote(beta, "/y"), Priority.HIGH, ItemState.PAUSED, 10, 5),
                item(5, 0, false, TransferDirection.RELAY, Location.remote(beta, "/r"), Location.remote(alpha, "/s"),
                        Priority.NORMAL, new ItemState.Failed("550 no such file\nsecond line"), 10, 0),
                item(6, 0, false, TransferDirection.DOWNLOAD, Location.remote(alpha, "/k"),
                        Location.local(dir.resolve("k").toString()), Priority.NORMAL,
                        new ItemState.Skipped("exists"), 0, 0),
                item(7, 0, false, TransferDirection.DOWNLOAD, Location.remote(alpha, "/c"),
                        Location.local(dir.resolve("c").toString()), Priority.NORMAL, ItemState.CANCELLED, 3, 1));
        try (QueueJournal j = open()) {
            // Added as queued, then brought to their final state by change events.
            j.itemsAdded(items.stream().map(s -> item(s.id(), s.parentId(), s.directory(), s.direction(), s.source(),
                    s.target(), Priority.NORMAL, ItemState.QUEUED, s.size(), 0)).toList());
            items.forEach(j::itemChanged);
        }
        JournalLoad load = QueueJournal.load(dir, sites);
        assertEquals(Optional.empty(), load.problem());
        assertSameItems(items, load.items());
        // Only ids reach the disk, never settings or passwords.
        String text = Files.readString(dir.resolve(JournalFiles.NAME));
        assertTrue(!text.contains("s3cret") && !text.contains("127.0.0.1"), text);
    }

    @Test
    void progressIsWrittenAtMostOnceASecondPerItemButStateChangesAlways() throws Exception {
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(download(1, ItemState.QUEUED, 0)));
            j.itemChanged(download(1, ItemState.RUNNING, 0));
            for (int i = 1; i <= 10; i++) {
                j.itemChanged(download(1, ItemState.RUNNING, i * 10));
            }
            j.sync();
            assertEquals(0, count("\"t\":\"progress\""), "progress within a second of the state change");
            nanos.addAndGet(1_000_000_000L);
            for (int i = 11; i <= 20; i++) {
                j.itemChanged(download(1, ItemState.RUNNING, i * 10));
            }
            j.sync();
            assertEquals(1, count("\"t\":\"progress\""));
            j.itemChanged(download(1, ItemState.PAUSED, 250));
            j.sync();
            assertEquals(2, count("\"t\":\"state\""));
        }
        assertEquals(250, QueueJournal.load(dir, sites).items().get(0).bytesDone());
    }

    long count(String needle) throws IOException {
        return lines().stream().filter(l -> l.contains(needle)).count();
    }

    @Test
    void aTornLastLineIsDroppedSilently() throws Exception {
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(download(1, ItemState.QUEUED, 0), download(2, ItemState.QUEUED, 0)));
            j.itemChanged(download(1, ItemState.RUNNING, 0));
        }
        Path file = dir.resolve(JournalFiles.NAME);
        Files.writeString(file, "{\"t\":\"state\",\"id\":2,\"state\":\"do", java.nio.file.StandardOpenOption.APPEND);
        JournalLoad load = QueueJournal.load(dir, sites);
        assertEquals(Optional.empty(), load.problem());
        assertSameItems(List.of(download(1, ItemState.RUNNING, 0), download(2, ItemState.QUEUED, 0)), load.items());
        assertTrue(Files.exists(file));
    }

    List<Path> keptAside() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("queue.jsonl.damaged-")).toList();
        }
    }

    /** Found by JournalFuzzTest: a record type with an escaped CR/LF made the message span lines. */
    @Test
    void theDamageMessageStaysOnOneLine() throws Exception {
        Files.writeString(dir.resolve(JournalFiles.NAME), "{\"t\":\"jou\\r\\nrnal\",\"v\":1}\n");
        String message = QueueJournal.load(dir, sites).problem().orElseThrow();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("unknown record type 'jou  rnal'"), message);
    }

    @Test
    void aDamagedMiddleLineIsReportedKeptAsideAndTheGoodLinesKept() throws Exception {
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(download(1, ItemState.QUEUED, 0), download(2, ItemState.QUEUED, 0)));
        }
        Path file = dir.resolve(JournalFiles.NAME);
        List<String> lines = new ArrayList<>(lines());
        lines.add(2, "{\"t\":\"add\",\"id\":");
        Files.write(file, lines);
        byte[] damaged = Files.readAllBytes(file);

        JournalLoad load = QueueJournal.load(dir, sites);
        assertSameItems(List.of(download(1, ItemState.QUEUED, 0), download(2, ItemState.QUEUED, 0)), load.items());
        String message = load.problem().orElseThrow();
        assertTrue(message.contains("line 3") && message.contains(file.toString()), message);
        List<Path> kept = keptAside();
        assertEquals(1, kept.size());
        assertTrue(message.contains(kept.get(0).toString()), message);
        assertEquals(new String(damaged, StandardCharsets.UTF_8), Files.readString(kept.get(0)));

        // Opening the journal keeps the good lines and goes on from there.
        try (QueueJournal j = open()) {
            assertTrue(j.problem().orElseThrow().contains("line 3"));
            j.itemsAdded(List.of(download(3, ItemState.QUEUED, 0)));
        }
        JournalLoad again = QueueJournal.load(dir, sites);
        assertEquals(Optional.empty(), again.problem());
        assertSameItems(List.of(download(1, ItemState.QUEUED, 0), download(2, ItemState.QUEUED, 0),
                download(3, ItemState.QUEUED, 0)), again.items());
        assertTrue(Files.exists(kept.get(0)), "the damaged file is never deleted");
    }

    @Test
    void damageGoesToTheApplicationLogToo() throws Exception {
        try (LogCapture log = LogCapture.of(JournalReader.class)) {
            Files.write(dir.resolve(JournalFiles.NAME), new byte[0]);
            String message = QueueJournal.load(dir, sites).problem().orElseThrow();
            assertEquals(1, log.lines().size(), log.lines().toString());
            String line = log.lines().get(0);
            assertTrue(line.startsWith("WARN ") && message.startsWith(line.substring(5)), line);
        }
    }

    @Test
    void anEmptyJournalIsReportedAndKeptAside() throws Exception {
        Files.write(dir.resolve(JournalFiles.NAME), new byte[0]);
        JournalLoad load = QueueJournal.load(dir, sites);
        assertEquals(List.of(), load.items());
        String message = load.problem().orElseThrow();
        assertTrue(message.contains("empty") && message.contains(dir.resolve(JournalFiles.NAME).toString()), message);
        assertEquals(1, keptAside().size());
        assertTrue(message.contains(keptAside().get(0).toString()), message);
    }

    @Test
    void anAllNulJournalIsReportedAndKeptAside() throws Exception {
        Files.write(dir.resolve(JournalFiles.NAME), new byte[4096]);
        JournalLoad load = QueueJournal.load(dir, sites);
        assertEquals(List.of(), load.items());
        assertTrue(load.problem().orElseThrow().contains("NUL"), load.problem().get());
        assertEquals(1, keptAside().size());
        assertEquals(4096, Files.size(keptAside().get(0)));
    }

    @Test
    void aNulTailIsReportedAndTheLinesBeforeItKept() throws Exception {
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(download(1, ItemState.QUEUED, 0)));
        }
        Files.write(dir.resolve(JournalFiles.NAME), new byte[512], java.nio.file.StandardOpenOption.APPEND);
        JournalLoad load = QueueJournal.load(dir, sites);
        assertSameItems(List.of(download(1, ItemState.QUEUED, 0)), load.items());
        assertTrue(load.problem().orElseThrow().contains("NUL"), load.problem().get());
        assertEquals(1, keptAside().size());
    }

    @Test
    void aJournalOfAnEmptyQueueIsNoDamage() throws Exception {
        open().close();
        assertEquals(List.of("{\"t\":\"journal\",\"v\":1}"), lines());
        JournalLoad load = QueueJournal.load(dir, sites);
        assertEquals(Optional.empty(), load.problem());
        assertEquals(List.of(), load.items());
        assertEquals(List.of(), keptAside());
    }

    @Test
    void anUnknownVersionIsSetAsideNotGuessedAt() throws Exception {
        Files.writeString(dir.resolve(JournalFiles.NAME), "{\"t\":\"journal\",\"v\":2}\n");
        JournalLoad load = QueueJournal.load(dir, sites);
        assertEquals(List.of(), load.items());
        assertTrue(load.problem().orElseThrow().contains("version 2"), load.problem().get());
    }

    /** History is history: a finished item of a site that is gone (e.g. a quick connect) keeps its outcome. */
    @Test
    void finishedItemsOfASiteThatIsGoneStayAsTheyEnded() throws Exception {
        SiteRef gone = new SiteRef("quick:ferry@127.0.0.2:2121", "ferry@127.0.0.2:2121", alpha.settings(), 1);
        ItemSnapshot done = item(1, 0, false, TransferDirection.DOWNLOAD, Location.remote(gone, "/a"),
                Location.local(dir.resolve("a").toString()), Priority.NORMAL, ItemState.DONE, 5, 5);
        ItemSnapshot skipped = item(2, 0, false, TransferDirection.DOWNLOAD, Location.remote(gone, "/b"),
                Location.local(dir.resolve("b").toString()), Priority.NORMAL, new ItemState.Skipped("target exists"), 5, 0);
        ItemSnapshot waiting = item(3, 0, false, TransferDirection.DOWNLOAD, Location.remote(gone, "/c"),
                Location.local(dir.resolve("c").toString()), Priority.NORMAL, ItemState.QUEUED, 5, 0);
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(done, skipped, waiting));
        }
        List<ItemSnapshot> items = QueueJournal.load(dir, sites).items();
        assertEquals(ItemState.DONE, items.get(0).state());
        assertEquals(new ItemState.Skipped("target exists"), items.get(1).state());
        assertEquals(new ItemState.Failed("site quick:ferry@127.0.0.2:2121 is no longer defined"), items.get(2).state());
    }

    @Test
    void itemsOfASiteThatIsGoneComeBackFailed() throws Exception {
        SiteRef gone = new SiteRef("gone", "Gone", alpha.settings(), 1);
        ItemSnapshot orphan = item(1, 0, false, TransferDirection.DOWNLOAD, Location.remote(gone, "/a"),
                Location.local(dir.resolve("a").toString()), Priority.NORMAL, ItemState.QUEUED, 5, 0);
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(orphan, download(2, ItemState.QUEUED, 0)));
        }
        List<ItemSnapshot> items = QueueJournal.load(dir, sites).items();
        assertEquals(new ItemState.Failed("site gone is no longer defined"), items.get(0).state());
        assertEquals("gone", items.get(0).source().site().id());
        assertEquals("/a", items.get(0).source().path());
        assertEquals(ItemState.QUEUED, items.get(1).state());
    }

    @Test
    void compactionKeepsExactlyTheLiveItems() throws Exception {
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(download(1, ItemState.QUEUED, 0), download(2, ItemState.QUEUED, 0),
                    download(3, ItemState.QUEUED, 0)));
            j.itemChanged(download(2, ItemState.DONE, 1000));
            j.itemsRemoved(List.of(2L));
            // Enough changes to pass the growth limit: the file is rewritten while in use.
            for (int i = 0; i <= QueueJournal.MIN_RECORDS + 10; i++) {
                j.itemChanged(download(3, i % 2 == 0 ? ItemState.PAUSED : ItemState.QUEUED, 0));
            }
            j.sync();
            assertTrue(lines().size() < QueueJournal.MIN_RECORDS, "compacted while running: " + lines().size());
        }
        List<ItemSnapshot> expected = List.of(download(1, ItemState.QUEUED, 0), download(3, ItemState.PAUSED, 0));
        assertSameItems(expected, QueueJournal.load(dir, sites).items());
        // Opening compacts: a header and one line per live item, and no backup left behind.
        open().close();
        assertEquals(3, lines().size(), lines().toString());
        assertTrue(Files.notExists(dir.resolve("queue.jsonl.bak")));
        assertSameItems(expected, QueueJournal.load(dir, sites).items());
    }

    @Test
    void anInterruptedCompactionFallsBackToTheBackup() throws Exception {
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(download(1, ItemState.QUEUED, 0)));
        }
        Files.move(dir.resolve(JournalFiles.NAME), dir.resolve("queue.jsonl.bak"));
        assertSameItems(List.of(download(1, ItemState.QUEUED, 0)), QueueJournal.load(dir, sites).items());
    }

    @Test
    void removedItemsStayRemovedAndLateChangesDoNotRevive() throws Exception {
        try (QueueJournal j = open()) {
            j.itemsAdded(List.of(download(1, ItemState.DONE, 1000), download(2, ItemState.QUEUED, 0)));
            j.itemsRemoved(List.of(1L));
            j.itemChanged(download(1, ItemState.DONE, 1000));
        }
        assertSameItems(List.of(download(2, ItemState.QUEUED, 0)), QueueJournal.load(dir, sites).items());
    }

    @Test
    void anUnreadableJournalIsSetAsideWithAMessage() throws Exception {
        // A directory where the file should be: reading fails with an I/O error, nothing is thrown.
        Files.createDirectories(dir.resolve(JournalFiles.NAME).resolve("inside"));
        JournalLoad load = QueueJournal.load(dir, sites);
        assertEquals(List.of(), load.items());
        assertTrue(load.problem().orElseThrow().contains("could not be read"), load.problem().get());
        assertTrue(Files.notExists(dir.resolve(JournalFiles.NAME)));
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> Files.isDirectory(p.resolve("inside"))), "kept, not deleted");
        }
    }

    @Test
    void aLinesUtf8LengthIsCountedAsTheEncoderWouldWriteIt() {
        for (String line : List.of("", "{\"path\":\"/plain\"}", "caf\u00e9 \u00fcber", "\u65e5\u672c\u8a9e",
                "emoji \ud83d\ude00 and \ud83d\udcc1/x", "mixed \u00e9\u65e5\ud83d\ude00a")) {
            assertEquals(line.getBytes(StandardCharsets.UTF_8).length, QueueJournal.utf8Length(line), line);
        }
    }
}
