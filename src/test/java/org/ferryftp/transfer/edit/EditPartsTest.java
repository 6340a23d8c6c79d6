package org.ferryftp.transfer.edit;

import org.ferryftp.session.RemoteFileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Safe names, the server comparison, the save decision and the watcher. */
class EditPartsTest {

    @TempDir
    Path tmp;

    @Test
    void namesAreMadeSafeForTheLocalDisk() {
        assertEquals("a_b_c.txt", EditFolder.safeName("a\\b:c.txt"));
        assertEquals("x.txt", EditFolder.safeName("/etc/x.txt"));
        assertEquals("file", EditFolder.safeName(".."));
        assertEquals("tab_name", EditFolder.safeName("tab\tname"));
        String longName = "n".repeat(300) + ".conf";
        assertEquals(200, EditFolder.safeName(longName).length());
        assertTrue(EditFolder.safeName(longName).endsWith(".conf"));
    }

    @Test
    void sameNamesGetTheirOwnFolders() throws Exception {
        try (EditFolder folder = EditFolder.create(tmp)) {
            assertTrue(!folder.placeFor("/a/index.html").equals(folder.placeFor("/b/index.html")));
        }
    }

    @Test
    void comparesSizeAndTimeAsFarAsTheServerTells() {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        var opened = new RemoteFileStatus.Present(10, t, "MLST");
        assertInstanceOf(ServerCheck.Unchanged.class, ServerCheck.compare(opened, new RemoteFileStatus.Present(10, t, "MLST")));
        assertInstanceOf(ServerCheck.Changed.class, ServerCheck.compare(opened, new RemoteFileStatus.Present(11, t, "MLST")));
        assertInstanceOf(ServerCheck.Changed.class,
                ServerCheck.compare(opened, new RemoteFileStatus.Present(10, t.plusSeconds(1), "MLST")));
        assertInstanceOf(ServerCheck.Unchanged.class, ServerCheck.compare(opened, new RemoteFileStatus.Present(10, null, "SIZE")));
        assertInstanceOf(ServerCheck.Gone.class, ServerCheck.compare(opened, new RemoteFileStatus.Absent()));
        assertInstanceOf(ServerCheck.Unknowable.class, ServerCheck.compare(new RemoteFileStatus.Present(-1, null, "NLST"),
                new RemoteFileStatus.Present(-1, null, "NLST")));
    }

    @Test
    void uploadsWithoutAskingOnlyWhenChosenAndSafe() {
        assertEquals(SaveAction.UPLOAD, SaveAction.decide(true, new ServerCheck.Unchanged()));
        assertEquals(SaveAction.ASK, SaveAction.decide(false, new ServerCheck.Unchanged()));
        assertEquals(SaveAction.ASK, SaveAction.decide(true, new ServerCheck.Unknowable("no SIZE")));
        assertEquals(SaveAction.ASK_GONE, SaveAction.decide(true, new ServerCheck.Gone()));
    }

    @Test
    void theWatcherReportsASaveOnceAndAReplacementToo() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("1"));
        Path file = Files.writeString(dir.resolve("notes.txt"), "one");
        var saved = new java.util.concurrent.LinkedBlockingQueue<Path>();
        try (SaveWatcher watcher = new SaveWatcher(saved::add)) {
            watcher.watch(file);

            Files.writeString(file, "two, longer");
            assertEquals(file, saved.poll(20, TimeUnit.SECONDS));

            // An editor that writes a new file and renames it over the old one.
            Path temp = Files.writeString(dir.resolve(".notes.txt.swp"), "three, longer still");
            Files.setLastModifiedTime(temp, FileTime.from(Instant.now().plusSeconds(5)));
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertEquals(file, saved.poll(20, TimeUnit.SECONDS));
            List<Path> extra = new CopyOnWriteArrayList<>();
            saved.drainTo(extra);
            assertTrue(extra.stream().allMatch(file::equals), extra.toString());
        }
    }

    @Test
    void aSaveWrittenInStepsIsReportedOnceItIsWhole() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("2"));
        Path file = Files.writeString(dir.resolve("page.html"), "<p>old</p>\n");
        var sizesSeen = new java.util.concurrent.LinkedBlockingQueue<Long>();
        try (SaveWatcher watcher = new SaveWatcher(p -> {
            try {
                sizesSeen.add(Files.size(p));
            } catch (java.io.IOException e) {
                sizesSeen.add(-1L);
            }
        })) {
            watcher.watch(file);
            // As Files.writeString and many editors save: truncate, then write in parts.
            try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write("<p>newer, ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(100); // the editor's second write comes a moment later: the scenario, not a wait
                out.write("longer</p>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            assertEquals(Files.size(file), sizesSeen.poll(20, TimeUnit.SECONDS),
                    "the first report sees the whole save, not the truncated or half-written file");
        }
    }
}
