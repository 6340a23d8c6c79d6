package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The folders an upload created, whose files skip the "is the name taken" check, are remembered only while that
 * upload runs: the queue lives as long as the window, and a folder someone else makes again is asked about.
 */
class NewDirectoriesTest {

    @TempDir
    Path local;
    @TempDir
    Path serverRoot;

    @Test
    void finishedUploadsLeaveNoFolderRemembered() throws Exception {
        Path folder = Files.createDirectories(local.resolve("tree"));
        Files.write(folder.resolve("a.bin"), new byte[1000]);
        Files.write(Files.createDirectories(folder.resolve("sub")).resolve("b.bin"), new byte[2000]);
        Files.createDirectories(folder.resolve("empty"));
        Files.createSymbolicLink(folder.resolve("loop"), folder); // a child that is skipped as it is made
        UploadRoundTripsTest rounds = new UploadRoundTripsTest();
        try (ScriptedFtpServer s = new ScriptedFtpServer(serverRoot);
             TransferQueue q = rounds.queue(ConflictChoice.SKIP)) {
            SiteRef site = UploadRoundTripsTest.scripted(s);
            for (int i = 0; i < 5; i++) {
                List<ItemSnapshot> all = UploadRoundTripsTest.upload(q, folder, site, "/up" + i);
                assertTrue(all.stream().allMatch(x -> x.source().path().endsWith("loop")
                        ? x.state() instanceof ItemState.Skipped : x.state() instanceof ItemState.Done), all.toString());
                assertArrayEquals(new byte[2000], Files.readAllBytes(serverRoot.resolve("up" + i + "/tree/sub/b.bin")));
            }
            assertEquals(0, q.directoriesKnownNew(), "folders still trusted to be empty after their uploads finished");
        }
    }

    @Test
    void aFolderMadeAgainBySomeoneElseIsAskedAbout() throws Exception {
        Path folder = Files.createDirectories(local.resolve("d"));
        Files.write(folder.resolve("f.bin"), new byte[3000]);
        byte[] theirs = "someone else's".getBytes();
        UploadRoundTripsTest rounds = new UploadRoundTripsTest();
        try (ScriptedFtpServer s = new ScriptedFtpServer(serverRoot);
             TransferQueue q = rounds.queue(ConflictChoice.SKIP)) {
            SiteRef site = UploadRoundTripsTest.scripted(s);
            UploadRoundTripsTest.upload(q, folder, site, "/up");
            // Between the two uploads, another client deletes the folder and makes it again with its own file.
            Files.delete(serverRoot.resolve("up/d/f.bin"));
            Files.delete(serverRoot.resolve("up/d"));
            Files.write(Files.createDirectories(serverRoot.resolve("up/d")).resolve("f.bin"), theirs);
            List<ItemSnapshot> again = UploadRoundTripsTest.upload(q, folder, site, "/up");
            ItemSnapshot file = again.stream().filter(x -> x.source().path().endsWith("f.bin"))
                    .reduce((first, second) -> second).orElseThrow(); // the second upload's
            assertInstanceOf(ItemState.Skipped.class, file.state(), again.toString());
            assertEquals(0, q.directoriesKnownNew());
        }
        assertArrayEquals(theirs, Files.readAllBytes(serverRoot.resolve("up/d/f.bin")));
    }

    /**
     * After a crash, the journal brings back a folder's upload still running with the children it had queued, two
     * of them already done. The folder on the server is gone meanwhile (someone removed the half-made copy), so
     * the expansion run again creates it: only the children not yet in the queue are added, and the folder is
     * kept only until those that still have to run have finished, not forever waiting on the two done ones.
     */
    @Test
    void aFolderMadeAgainAfterARestartIsLetGoWhenItsUnfinishedChildrenFinish() throws Exception {
        Path folder = Files.createDirectories(local.resolve("tree"));
        for (int i = 1; i <= 5; i++) {
            Files.write(folder.resolve("f" + i), ("file " + i).getBytes());
        }
        UploadRoundTripsTest rounds = new UploadRoundTripsTest();
        try (ScriptedFtpServer s = new ScriptedFtpServer(serverRoot);
             TransferQueue q = rounds.queue(ConflictChoice.SKIP)) {
            SiteRef site = UploadRoundTripsTest.scripted(s);
            Location into = Location.remote(site, "/up/tree");
            List<ItemSnapshot> saved = new ArrayList<>();
            saved.add(snapshot(1, 0, true, Location.local(folder.toString()), into, ItemState.RUNNING));
            for (int i = 1; i <= 3; i++) {
                saved.add(snapshot(1 + i, 1, false, Location.local(folder.resolve("f" + i).toString()),
                        Location.remote(site, "/up/tree/f" + i), i <= 2 ? ItemState.DONE : ItemState.QUEUED));
            }
            q.restore(saved);
            assertTrue(q.awaitIdle(Duration.ofSeconds(30)), q.snapshot().toString());
            List<ItemSnapshot> all = q.snapshot();
            assertEquals(6, all.size(), all.toString());
            assertTrue(all.stream().allMatch(x -> x.state() instanceof ItemState.Done), all.toString());
            for (int i = 3; i <= 5; i++) {
                assertArrayEquals(("file " + i).getBytes(), Files.readAllBytes(serverRoot.resolve("up/tree/f" + i)));
            }
            assertEquals(0, q.directoriesKnownNew(), "a folder still trusted to be empty after its upload finished");
        }
    }

    private static ItemSnapshot snapshot(long id, long parent, boolean directory, Location source, Location target,
                                         ItemState state) {
        return new ItemSnapshot(id, parent, directory, TransferDirection.UPLOAD, source, target, Priority.NORMAL,
                state, directory ? -1 : 6, state instanceof ItemState.Done ? 6 : 0, 0, null, 0);
    }
}
