package org.ferryftp.transfer.journal;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueListener;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.TransferDirection;
import org.ferryftp.transfer.TransferQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A directory whose expansion was cut off by a crash: the restore goes on where it stopped. */
class JournalExpansionTest {

    @TempDir
    Path tmp;

    @Test
    void childrenAlreadyJournaledAreNotQueuedAgainWhenTheDirectoryExpandsAgain() throws Exception {
        Path config = tmp.resolve("config");
        Path local = Files.createDirectories(tmp.resolve("local"));
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(tmp.resolve("server"))) {
            for (int i = 1; i <= 5; i++) {
                server.write("tree/f" + i, ("file " + i).getBytes());
            }
            SiteRef site = MinaQueues.site(server.port());
            // What a crash leaves: the directory still running (its target made before any child was
            // journaled), three of its five children journaled.
            Files.createDirectories(local.resolve("tree"));
            JournalFiles files = new JournalFiles(config, Clock.systemUTC());
            JournalCodec codec = new JournalCodec();
            LongSupplier nanos = System::nanoTime;
            try (QueueJournal j = new QueueJournal(files, codec, new JournalReader(files, codec).read(), nanos, () -> { })) {
                List<ItemSnapshot> items = new ArrayList<>();
                items.add(item(1, 0, true, Location.remote(site, "/tree"), local.resolve("tree"), ItemState.RUNNING));
                for (int i = 1; i <= 3; i++) {
                    items.add(item(1 + i, 1, false, Location.remote(site, "/tree/f" + i),
                            local.resolve("tree").resolve("f" + i), ItemState.QUEUED));
                }
                j.itemsAdded(items);
            }

            TransferQueue queue = MinaQueues.queue(QueueSettings.DEFAULT);
            try (QueueJournal journal = QueueJournal.attach(queue, config, MinaQueues.resolver(server.port()))) {
                assertTrue(queue.awaitIdle(Duration.ofSeconds(30)), queue.snapshot().toString());
                queue.close();
                List<ItemSnapshot> all = queue.snapshot();
                List<String> targets = all.stream().map(s -> s.target().path()).toList();
                assertEquals(new HashSet<>(targets).size(), targets.size(), "duplicate targets: " + targets);
                assertEquals(6, all.size(), all.toString());
                for (ItemSnapshot s : all) {
                    assertInstanceOf(ItemState.Done.class, s.state(), s.toString());
                }
            }
            for (int i = 1; i <= 5; i++) {
                assertArrayEquals(("file " + i).getBytes(), Files.readAllBytes(local.resolve("tree").resolve("f" + i)));
            }
        }
    }

    @Test
    void aChildJournaledTwiceByAnOlderVersionComesBackOnceAndTheCopyIsForgotten() throws Exception {
        Path config = tmp.resolve("config");
        Path local = Files.createDirectories(tmp.resolve("local").resolve("tree"));
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(tmp.resolve("server"))) {
            server.write("tree/f1", "file 1".getBytes());
            SiteRef site = MinaQueues.site(server.port());
            JournalFiles files = new JournalFiles(config, Clock.systemUTC());
            JournalCodec codec = new JournalCodec();
            try (QueueJournal j = new QueueJournal(files, codec, new JournalReader(files, codec).read(),
                    System::nanoTime, () -> { })) {
                j.itemsAdded(List.of(
                        item(1, 0, true, Location.remote(site, "/tree"), local, ItemState.DONE),
                        item(2, 1, false, Location.remote(site, "/tree/f1"), local.resolve("f1"), ItemState.PAUSED),
                        item(3, 1, false, Location.remote(site, "/tree/f1"), local.resolve("f1"), ItemState.PAUSED)));
            }
            TransferQueue queue = MinaQueues.queue(QueueSettings.DEFAULT);
            try (QueueJournal journal = QueueJournal.attach(queue, config, MinaQueues.resolver(server.port()))) {
                assertEquals(List.of(1L, 2L), queue.snapshot().stream().map(ItemSnapshot::id).toList());
                queue.close();
            }
            assertEquals(List.of(1L, 2L), QueueJournal.load(config, MinaQueues.resolver(server.port())).items()
                    .stream().map(ItemSnapshot::id).toList());
        }
    }

    @Test
    void twoItemsWithOneTargetNeverRunAtTheSameTime() throws Exception {
        Path local = Files.createDirectories(tmp.resolve("local"));
        byte[] data = JournalCrashTest.random(600_000, 3);
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(tmp.resolve("server"))) {
            server.write("same.bin", data);
            SiteRef site = MinaQueues.site(server.port());
            TransferQueue queue = MinaQueues.queue(QueueSettings.DEFAULT);
            queue.setBandwidthLimit(2_000_000);
            Map<Long, String> running = new ConcurrentHashMap<>();
            AtomicInteger overlaps = new AtomicInteger();
            queue.addListener(new QueueListener() {
                @Override
                public void itemsAdded(List<ItemSnapshot> items) {
                }

                @Override
                public synchronized void itemChanged(ItemSnapshot item) {
                    if (item.state() instanceof ItemState.Running) {
                        if (running.containsValue(item.target().path()) && !running.containsKey(item.id())) {
                            overlaps.incrementAndGet();
                        }
                        running.put(item.id(), item.target().path());
                    } else {
                        running.remove(item.id());
                    }
                }

                @Override
                public void itemsRemoved(List<Long> ids) {
                }
            });
            MinaQueues.download(queue, site, "/same.bin", local);
            MinaQueues.download(queue, site, "/same.bin", local);
            assertTrue(queue.awaitIdle(Duration.ofSeconds(30)), queue.snapshot().toString());
            queue.close();
            assertEquals(0, overlaps.get(), "both items ran at once on one target");
            Set<Class<?>> states = new HashSet<>();
            queue.snapshot().forEach(s -> states.add(s.state().getClass()));
            // The first finished; the second waited, then found the file there (the policy here skips).
            assertEquals(Set.of(ItemState.Done.class, ItemState.Skipped.class), states, queue.snapshot().toString());
            assertArrayEquals(data, Files.readAllBytes(local.resolve("same.bin")));
        }
    }

    private static ItemSnapshot item(long id, long parent, boolean directory, Location source, Path target,
                                     ItemState state) {
        return new ItemSnapshot(id, parent, directory, TransferDirection.DOWNLOAD, source,
                Location.local(target.toString()), Priority.NORMAL, state, directory ? -1 : 6, 0, 0, null, 0);
    }
}
