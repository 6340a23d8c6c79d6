package org.ferryftp.interop;

import org.apache.commons.io.file.PathUtils;
import org.ferryftp.fs.LocalBrowser;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.StandardSessions;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.transfer.sync.SyncPlan;
import org.ferryftp.transfer.sync.SyncPlanner;
import org.ferryftp.transfer.sync.SyncRules;
import org.ferryftp.transfer.sync.SyncRun;
import org.ferryftp.transfer.sync.SyncStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's way of carrying out a synchronization, without the window: the plan's copies go to a running
 * transfer queue ({@link TransferQueue#submitAndAwait}) and {@link SyncRun} deletes and sets folder times only once
 * the queue has finished them. Against ProFTPD, which sets directories' times (MFMT): every changed folder ends with
 * its local time, deepest first, and the file only at the target is gone.
 */
class SyncRunInteropIT {

    static final Instant FILE_TIME = Instant.parse("2021-03-04T05:06:07Z");

    @TempDir
    Path local;
    Path serverDir;

    @AfterEach
    void cleanUp() throws Exception {
        if (serverDir != null && Files.exists(serverDir)) {
            PathUtils.deleteDirectory(serverDir);
        }
    }

    @Test
    void queuedCopiesThenDeletionsThenFolderTimesOnProftpd() throws Exception {
        MatrixServer.Endpoint e = MatrixServer.PROFTPD.endpoint();
        String dir = "wt-sync21w-run-" + UUID.randomUUID();
        serverDir = e.root().resolve(dir);
        Path src = Files.createDirectories(local.resolve("src"));
        for (String f : List.of("a.txt", "sub/b.txt", "sub/deep/c.txt")) {
            Path p = src.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "content of " + f);
            Files.setLastModifiedTime(p, FileTime.from(FILE_TIME));
        }
        Files.createDirectories(serverDir.resolve("sub"));
        Files.writeString(serverDir.resolve("sub/only-there.txt"), "only at the target");
        java.nio.file.attribute.UserPrincipal ftpUser = Files.getOwner(e.root()); // the server writes as its user
        for (Path p : List.of(serverDir, serverDir.resolve("sub"), serverDir.resolve("sub/only-there.txt"))) {
            Files.setOwner(p, ftpUser);
        }
        Files.setLastModifiedTime(src.resolve("sub/deep"), FileTime.from(Instant.parse("2020-02-03T04:05:06Z")));
        Files.setLastModifiedTime(src.resolve("sub"), FileTime.from(Instant.parse("2020-01-02T03:04:05Z")));
        Files.setLastModifiedTime(src, FileTime.from(Instant.parse("2019-12-31T23:59:58Z")));

        SiteRef site = e.site();
        String root = "/" + dir;
        StandardSessions sessions = new StandardSessions(LogListener.NONE);
        try (LocalBrowser source = new LocalBrowser();
             RemoteBrowser target = new RemoteBrowser(e.server().name(), "ftp://" + e.host(), () -> sessions.open(site));
             TransferQueue queue = TransferQueue.create(QueueSettings.DEFAULT.withConcurrency(2), sessions,
                     ConflictPolicy.fixed(ConflictChoice.SKIP))) {
            List<SyncStep> steps = new ArrayList<>();
            new SyncPlanner(SyncRules.DEFAULT.withDelete(true)).plan(source, src.toString(), target, root, steps::add);
            SyncPlan plan = new SyncPlan(Location.local(src.toString()), Location.remote(site, root), steps);
            SyncRun run = new SyncRun(List.of(SyncRun.Leg.of(plan, source, src.toString(), target, root)));
            List<TransferRequest> copies = run.prepare();
            assertEquals(3, copies.size(), copies.toString()); // a.txt, sub/b.txt and the directory sub/deep
            List<ItemSnapshot> finished = queue.submitAndAwait(copies).toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertEquals(4, finished.size(), "the three, and the file sub/deep expanded into: " + finished);
            SyncRun.Result result = run.finish(SyncRun.failed(finished));
            assertEquals(new SyncRun.Result(0, 1, 0), result);
        }
        assertTrue(Files.notExists(serverDir.resolve("sub/only-there.txt")));
        for (String f : List.of("a.txt", "sub/b.txt", "sub/deep/c.txt")) {
            assertEquals(-1, Files.mismatch(src.resolve(f), serverDir.resolve(f)), f);
            assertEquals(FILE_TIME, Files.getLastModifiedTime(serverDir.resolve(f)).toInstant(), f);
        }
        for (String d : List.of("", "sub", "sub/deep")) {
            assertEquals(Files.getLastModifiedTime(src.resolve(d)).toInstant(),
                    Files.getLastModifiedTime(serverDir.resolve(d)).toInstant(), d + ": its local time (MFMT)");
        }
    }
}
