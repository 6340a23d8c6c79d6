package org.ferryftp.transfer.edit;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.transfer.TransferQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening, checking and uploading remote files against an embedded MINA server and a real queue. */
class RemoteEditsTest {

    @TempDir
    Path serverRoot;
    @TempDir
    Path tmp;

    private EmbeddedMinaServer server;
    private TransferQueue queue;
    private EditFolder folder;
    private RemoteEdits edits;
    private SiteRef site;

    @BeforeEach
    void start() throws Exception {
        server = new EmbeddedMinaServer(serverRoot);
        server.write("docs/notes.txt", "first version\n".getBytes(StandardCharsets.UTF_8));
        queue = MinaEdits.queue();
        folder = EditFolder.create(tmp);
        edits = new RemoteEdits(MinaEdits.sessions(), folder, queue);
        site = MinaEdits.site(server);
    }

    @AfterEach
    void stop() {
        queue.close();
        server.close();
        folder.close();
    }

    @Test
    void downloadsIntoAPrivateFolderAndTheCheckSeesNoChange() throws Exception {
        OpenedFile file = edits.download(Location.remote(site, "/docs/notes.txt"));

        assertEquals("first version\n", Files.readString(file.local()));
        assertTrue(file.local().startsWith(folder.root()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.root())));
        assertInstanceOf(ServerCheck.Unchanged.class, edits.check(file));
    }

    @Test
    void aFileChangedOnTheServerIsSeenAsChanged() throws Exception {
        OpenedFile file = edits.download(Location.remote(site, "/docs/notes.txt"));

        server.write("docs/notes.txt", "someone else's version\n".getBytes(StandardCharsets.UTF_8));

        ServerCheck check = edits.check(file);
        assertInstanceOf(ServerCheck.Changed.class, check);
        assertEquals(SaveAction.ASK_CHANGED_ON_SERVER, SaveAction.decide(true, check));
    }

    @Test
    void aChangeOfTimeAloneIsSeenToo() throws Exception {
        OpenedFile file = edits.download(Location.remote(site, "/docs/notes.txt"));

        Files.setLastModifiedTime(server.file("docs/notes.txt"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        assertInstanceOf(ServerCheck.Changed.class, edits.check(file));
    }

    @Test
    void aFileDeletedOnTheServerIsGone() throws Exception {
        OpenedFile file = edits.download(Location.remote(site, "/docs/notes.txt"));

        Files.delete(server.file("docs/notes.txt"));

        assertInstanceOf(ServerCheck.Gone.class, edits.check(file));
    }

    @Test
    void theSavedCopyIsUploadedThroughTheQueueByteForByte() throws Exception {
        OpenedFile file = edits.download(Location.remote(site, "/docs/notes.txt"));
        byte[] edited = "edited\r\nwith ümlauts\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file.local(), edited);

        edits.upload(file, "notes.txt");

        assertTrue(queue.awaitIdle(Duration.ofSeconds(20)));
        assertArrayEquals(edited, Files.readAllBytes(server.file("docs/notes.txt")));
        // Our own upload is not a change by someone else.
        assertInstanceOf(ServerCheck.Unchanged.class, edits.check(edits.find(file.local()).orElseThrow()));
    }

    /** The user already chose to upload: a queue that asks about existing targets must not ask again. */
    @Test
    void theUploadOfAnEditIsNotAskedAboutAgain() throws Exception {
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (org.ferryftp.transfer.TransferQueue asking = org.ferryftp.transfer.TransferQueue.create(
                org.ferryftp.transfer.QueueSettings.DEFAULT, MinaEdits.sessions(),
                org.ferryftp.transfer.conflict.ConflictPolicy.asking(question -> {
                    asked.add(question.targetPath());
                    return null; // dismissed: the file would be skipped
                }))) {
            RemoteEdits editsAsking = new RemoteEdits(MinaEdits.sessions(), folder, asking);
            OpenedFile file = editsAsking.download(Location.remote(site, "/docs/notes.txt"));
            byte[] edited = "edited once\n".getBytes(StandardCharsets.UTF_8);
            Files.write(file.local(), edited);

            editsAsking.upload(file, "notes.txt");

            assertTrue(asking.awaitIdle(Duration.ofSeconds(20)));
            assertEquals(java.util.List.of(), asked, "no second question");
            assertArrayEquals(edited, Files.readAllBytes(server.file("docs/notes.txt")));
        }
    }

    @Test
    void saveAsANewNameLeavesTheServersVersionAlone() throws Exception {
        OpenedFile file = edits.download(Location.remote(site, "/docs/notes.txt"));
        Files.writeString(file.local(), "mine\n");

        edits.upload(file, "notes (mine).txt");

        assertTrue(queue.awaitIdle(Duration.ofSeconds(20)));
        assertEquals("first version\n", Files.readString(server.file("docs/notes.txt")));
        assertEquals("mine\n", Files.readString(server.file("docs/notes (mine).txt")));
    }

    @Test
    void closingTheFolderDeletesEverything() throws Exception {
        OpenedFile file = edits.download(Location.remote(site, "/docs/notes.txt"));

        folder.close();

        assertFalse(Files.exists(file.local()));
        assertFalse(Files.exists(folder.root()));
    }
}
