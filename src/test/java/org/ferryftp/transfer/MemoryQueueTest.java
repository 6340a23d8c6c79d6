package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.PartialDownload;
import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteOptions;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.testsupport.MemoryServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue's logic on an in-memory server: conflicts, offsets after a break, retries, abort. */
class MemoryQueueTest {

    @TempDir
    Path local;

    private final MemoryServer server = new MemoryServer();
    /** Any endpoint: the memory server's factory opens every site onto itself. */
    private final SiteRef site = new SiteRef("mem", "memory", new SiteEndpoint.Sftp(SftpSettings.of("memory", 22,
            "ann", List.of(), new KnownHosts(List.of(), Path.of("unused")), HostKeyPolicy.KNOWN_ONLY)), 2);
    private TransferQueue queue;

    private TransferQueue queue(ConflictChoice onConflict) {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), 0, new Random(1));
        queue = TransferQueue.create(QueueSettings.DEFAULT, server.sessions(), ConflictPolicy.fixed(onConflict), retry);
        return queue;
    }

    @AfterEach
    void close() {
        if (queue != null) {
            queue.close();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private ItemSnapshot upload(TransferQueue q, Path file) throws InterruptedException {
        return run(q, Location.local(file.toString()), Location.remote(site, "/in"));
    }

    private static ItemSnapshot run(TransferQueue q, Location source, Location targetDir) throws InterruptedException {
        q.submit(List.of(new TransferRequest(source, false, targetDir, Priority.NORMAL)));
        assertTrue(q.awaitIdle(Duration.ofSeconds(20)), () -> "queue did not finish: " + q.snapshot());
        List<ItemSnapshot> items = q.snapshot();
        return items.get(items.size() - 1);
    }

    @Test
    void anUploadThatLosesItsConnectionIsContinuedAtTheOffsetItReached() throws Exception {
        byte[] data = random(1_000_000, 1);
        Files.write(local.resolve("f.bin"), data);
        server.put("/in/.keep", new byte[0]);
        server.breakNextTransferAfter(300_000);

        ItemSnapshot item = upload(queue(ConflictChoice.SKIP), local.resolve("f.bin"));

        assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
        assertEquals(2, item.attempts());
        assertArrayEquals(data, server.get("/in/f.bin"));
        assertFalse(server.exists("/in/f.bin" + TempNames.SUFFIX));
        List<String> uploads = server.events().stream().filter(e -> e.startsWith("upload")).toList();
        assertEquals(List.of("upload /in/f.bin.ferry-part from 0", "upload /in/f.bin.ferry-part from 300000"),
                uploads);
    }

    @Test
    void aDownloadThatLosesItsConnectionIsContinuedAtTheOffsetItReached() throws Exception {
        byte[] data = random(900_000, 2);
        server.put("/d.bin", data);
        server.breakNextTransferAfter(200_000);

        ItemSnapshot item = run(queue(ConflictChoice.SKIP), Location.remote(site, "/d.bin"),
                Location.local(local.toString()));

        assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("d.bin")));
        assertEquals(List.of("download /d.bin from 0", "download /d.bin from 200000"),
                server.events().stream().filter(e -> e.startsWith("download")).toList());
    }

    @Test
    void aBreakOnEveryAttemptFailsAfterTheAllowedAttempts() throws Exception {
        Files.write(local.resolve("f.bin"), random(200_000, 3));
        server.put("/in/.keep", new byte[0]);
        server.breakTransfersAfter(1_000, 10);

        ItemSnapshot item = upload(queue(ConflictChoice.SKIP), local.resolve("f.bin"));

        assertInstanceOf(ItemState.Failed.class, item.state(), item.toString());
        assertEquals(3, item.attempts());
        assertTrue(((ItemState.Failed) item.state()).reason().contains("connection lost"), item.toString());
    }

    @Test
    void conflictsSkipRenameResumeAndOverwrite() throws Exception {
        byte[] data = random(500_000, 4);
        Path file = local.resolve("c.bin");
        Files.write(file, data);
        byte[] theirs = "theirs".getBytes();
        server.put("/in/c.bin", theirs);

        assertInstanceOf(ItemState.Skipped.class, upload(queue(ConflictChoice.SKIP), file).state());
        assertArrayEquals(theirs, server.get("/in/c.bin"));
        queue.close();

        assertInstanceOf(ItemState.Done.class, upload(queue(ConflictChoice.RENAME), file).state());
        assertArrayEquals(theirs, server.get("/in/c.bin"));
        List<String> others = server.names("/in").stream().filter(n -> !n.equals("c.bin")).toList();
        assertEquals(1, others.size(), others.toString());
        assertArrayEquals(data, server.get("/in/" + others.get(0)));
        queue.close();

        server.put("/in/c.bin", Arrays.copyOf(data, 123_456));
        assertInstanceOf(ItemState.Done.class, upload(queue(ConflictChoice.RESUME), file).state());
        assertArrayEquals(data, server.get("/in/c.bin"));
        assertTrue(server.events().contains("upload /in/c.bin from 123456"), server.events().toString());
        queue.close();

        server.put("/in/c.bin", theirs);
        assertInstanceOf(ItemState.Done.class, upload(queue(ConflictChoice.OVERWRITE), file).state());
        assertArrayEquals(data, server.get("/in/c.bin"));
        assertTrue(server.events().stream().anyMatch(e -> e.contains("refused to rename onto an existing file")),
                server.events().toString());
    }

    @Test
    void cancellingARunningDownloadAbortsItsSessionAndLeavesNothing() throws Exception {
        server.put("/big.bin", random(2_000_000, 5));
        server.holdNextTransferAfter(500_000);
        TransferQueue q = queue(ConflictChoice.SKIP);
        q.submit(List.of(new TransferRequest(Location.remote(site, "/big.bin"), false, Location.local(local.toString()),
                Priority.NORMAL)));
        assertTrue(server.awaitHeld(Duration.ofSeconds(10)));

        q.cancel(List.of(q.snapshot().get(0).id()));

        assertTrue(q.awaitIdle(Duration.ofSeconds(10)), q.snapshot().toString());
        ItemSnapshot item = q.snapshot().get(0);
        assertInstanceOf(ItemState.Cancelled.class, item.state(), item.toString());
        assertEquals(1, item.attempts());
        assertFalse(Files.exists(local.resolve("big.bin")));
        assertFalse(Files.exists(PartialDownload.partialOf(local.resolve("big.bin"))));
        assertNull(server.events().stream().filter(e -> e.startsWith("download") && !e.endsWith("from 0"))
                .findAny().orElse(null), "no second attempt");
    }

    @Test
    void uploadsKeepTheirTimeOnlyWhereTheSiteAsks() throws Exception {
        Path file = local.resolve("t.bin");
        Files.write(file, random(10_000, 6));
        Instant then = Instant.parse("2023-05-06T07:08:09Z");
        Files.setLastModifiedTime(file, FileTime.from(then));
        server.put("/in/.keep", new byte[0]);

        assertInstanceOf(ItemState.Done.class, upload(queue(ConflictChoice.OVERWRITE), file).state());
        assertEquals(then, server.time("/in/t.bin"));
        queue.close();

        SiteRef asIs = new SiteRef(site.id(), site.name(), site.endpoint(), 2, SiteOptions.DEFAULT.withKeepTimes(false));
        ItemSnapshot item = run(queue(ConflictChoice.OVERWRITE), Location.local(file.toString()),
                Location.remote(asIs, "/in"));
        assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
        assertNotEquals(then, server.time("/in/t.bin"));
    }
}
